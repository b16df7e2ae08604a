import { EVENT_TYPE_PATTERN } from '../cloud-event.schema';
import { CONTRACTS_VERSION } from '../contracts-version';
import {
  missingIsRequired,
  toViolations,
  type ContractViolation,
} from '../validation/contract-violation';
import { analyticsCloudEventSchema, type AnalyticsCloudEvent } from './analytics-cloud-event';
import { analyticsEventDataSchemas, isAnalyticsEventType } from './analytics-event-registry';

export type AnalyticsEventValidation =
  { valid: true; event: AnalyticsCloudEvent } | { valid: false; violations: ContractViolation[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a parsed JSON value against the analytics envelope and the data schema of its type,
 * reporting every violation at once. A valid event comes back as these contracts know it.
 */
export function validateAnalyticsEvent(value: unknown): AnalyticsEventValidation {
  const envelope = analyticsCloudEventSchema.safeParse(value, { error: missingIsRequired });
  const violations = envelope.success ? [] : toViolations(envelope.error);
  if (!isRecord(value)) return { valid: false, violations };

  const { type, data } = value;
  if (typeof type !== 'string' || !EVENT_TYPE_PATTERN.test(type)) {
    return { valid: false, violations };
  }
  if (!isAnalyticsEventType(type)) {
    violations.push({
      path: 'type',
      code: 'unknown_event_type',
      message: `${type} is not an analytics event type of contracts ${CONTRACTS_VERSION}`,
    });
    return { valid: false, violations };
  }
  if (!isRecord(data)) return { valid: false, violations };

  const parsed = analyticsEventDataSchemas[type].safeParse(data, { error: missingIsRequired });
  if (!parsed.success) violations.push(...toViolations(parsed.error, ['data']));
  if (!envelope.success || !parsed.success) return { valid: false, violations };
  // The data was parsed with the schema of this very type; `time` cannot have passed.
  return {
    valid: true,
    event: { ...envelope.data, type, data: parsed.data } as AnalyticsCloudEvent,
  };
}
