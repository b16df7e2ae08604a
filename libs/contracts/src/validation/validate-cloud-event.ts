import { CONTRACTS_VERSION } from '../contracts-version';
import { cloudEventSchema, EVENT_TYPE_PATTERN } from '../cloud-event.schema';
import {
  episodeEventDataSchemas,
  isEpisodeEventType,
  type EpisodeCloudEvent,
} from '../episode-events/episode-event-registry';
import { missingIsRequired, toViolations, type ContractViolation } from './contract-violation';

export type CloudEventValidation =
  { valid: true; event: EpisodeCloudEvent } | { valid: false; violations: ContractViolation[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a parsed JSON value against the envelope and the data schema of its type, reporting
 * every violation at once. A valid event comes back as these contracts know it: attributes
 * and fields they do not describe are left out, as a tolerant reader ignores them.
 */
export function validateCloudEvent(value: unknown): CloudEventValidation {
  const envelope = cloudEventSchema.safeParse(value, { error: missingIsRequired });
  const violations = envelope.success ? [] : toViolations(envelope.error);
  if (!isRecord(value)) return { valid: false, violations };

  const { type, data } = value;
  if (typeof type !== 'string' || !EVENT_TYPE_PATTERN.test(type)) {
    return { valid: false, violations };
  }
  if (!isEpisodeEventType(type)) {
    violations.push({
      path: 'type',
      code: 'unknown_event_type',
      message: `${type} is not an episode event type of contracts ${CONTRACTS_VERSION}`,
    });
    return { valid: false, violations };
  }
  if (!isRecord(data)) return { valid: false, violations };

  const parsed = episodeEventDataSchemas[type].safeParse(data, { error: missingIsRequired });
  if (!parsed.success) violations.push(...toViolations(parsed.error, ['data']));
  if (!envelope.success || !parsed.success) return { valid: false, violations };
  // The data was parsed with the schema of this very type.
  return { valid: true, event: { ...envelope.data, type, data: parsed.data } as EpisodeCloudEvent };
}
