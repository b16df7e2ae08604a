import type { CloudEvent } from '@care/contracts';
import { z } from 'zod';
import type { MessageReader } from './event-subscriber';

const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  // The inbox keys on it.
  id: z.uuid(),
  source: z.string().min(1),
  type: z.string().min(1),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  tenantid: z.string().min(1),
  sequence: z.string().regex(/^[1-9]\d*$/, 'must be a stream version'),
  traceparent: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<CloudEvent>;

/** A message that is not a structured-mode CloudEvent; retrying cannot help it. */
export class UnparseableMessage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnparseableMessage';
  }
}

/** Reads a structured-mode CloudEvent (JSON); throws an UnparseableMessage saying what is wrong. */
export function parseCloudEvent(value: string | null): CloudEvent {
  if (value === null) throw new UnparseableMessage('message has no value');
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (error) {
    throw new UnparseableMessage(`not JSON: ${(error as Error).message}`);
  }
  const parsed = cloudEventSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`,
  );
  throw new UnparseableMessage(`not a CloudEvent: ${problems.join('; ')}`);
}

/** The default reader of a subscription: every message is an operational CloudEvent. */
export const readCloudEvent: MessageReader<CloudEvent> = (value) => ({
  kind: 'event',
  event: parseCloudEvent(value),
});
