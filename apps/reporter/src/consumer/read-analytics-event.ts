import { validateAnalyticsEvent, type AnalyticsCloudEvent } from '@care/contracts';
import { UnparseableMessage, type MessageReader } from '@care/messaging';

/**
 * Reads a message of the analytics stream against its contract. An event of a type this
 * reporter does not know (a newer publisher's) is skipped, as the stream asks its readers;
 * anything else that is not a valid analytics event throws an UnparseableMessage naming every
 * violation.
 */
export const readAnalyticsEvent: MessageReader<AnalyticsCloudEvent> = (value) => {
  if (value === null) throw new UnparseableMessage('message has no value');
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (error) {
    throw new UnparseableMessage(`not JSON: ${(error as Error).message}`);
  }
  const validation = validateAnalyticsEvent(json);
  if (validation.valid) return { kind: 'event', event: validation.event };
  const { violations } = validation;
  if (violations.length === 1 && violations[0]!.code === 'unknown_event_type') {
    const type = String((json as { type: unknown }).type);
    return { kind: 'skip', reason: `unknown event type ${type}` };
  }
  throw new UnparseableMessage(
    `not an analytics event: ${violations.map((violation) => `${violation.path || 'value'}: ${violation.message}`).join('; ')}`,
  );
};
