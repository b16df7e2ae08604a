import type { Payload } from '@temporalio/common';
import { z } from 'zod';

const base64 = z.base64('must be base64');

/** The Temporal codec-server body: payloads in proto JSON form, bytes as base64. */
export const codecPayloadsSchema = z.strictObject({
  payloads: z
    .array(
      z.object({
        metadata: z.record(z.string(), base64).optional(),
        data: base64.optional(),
      }),
    )
    .max(1_000),
});

export type CodecPayloads = z.output<typeof codecPayloadsSchema>;
type JsonPayload = CodecPayloads['payloads'][number];

export const fromJsonPayload = ({ metadata, data }: JsonPayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
  ),
  data: Buffer.from(data ?? '', 'base64'),
});

export const toJsonPayload = ({ metadata, data }: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(metadata ?? {}).map(([key, value]) => [
      key,
      Buffer.from(value ?? []).toString('base64'),
    ]),
  ),
  data: Buffer.from(data ?? []).toString('base64'),
});
