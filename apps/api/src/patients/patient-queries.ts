import { cursorParam, pageLimit } from '@care/platform';
import { z } from 'zod';

export const patientIdParam = z.uuid('must be a patient id (UUID)');

export const patientLookupQuery = z.strictObject({
  identifier: z
    .string()
    .regex(/^[^|]+\|[^|]+$/, 'must be system|value, e.g. urn:oid:2.16.840.1.113883.19|MRN-1001')
    .transform((token) => {
      const [system, value] = token.split('|') as [string, string];
      return { system, value };
    })
    .meta({
      description: 'The identifier system (assigning authority) and value, as `system|value`.',
    }),
});

export type PatientLookupQuery = z.output<typeof patientLookupQuery>;

export const patientEpisodesQuery = z.strictObject({
  status: z
    .enum(['open', 'ended'])
    .optional()
    .meta({ description: 'Open episodes, or closed and cancelled ones; both when absent.' }),
  limit: pageLimit(25, 100),
  cursor: cursorParam(z.tuple([z.number().int(), z.uuid()])).optional(),
});

export type PatientEpisodesQuery = z.output<typeof patientEpisodesQuery>;
