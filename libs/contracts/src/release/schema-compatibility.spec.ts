import { z } from 'zod';
import { episodeEventDataSchemas } from '../episode-events/episode-event-registry';
import { contractSchemas } from '../json-schema/contract-json-schemas';
import type { JsonObject } from '../json-schema/json-value';
import { toJsonSchema } from '../json-schema/to-json-schema';
import { forwardIncompatibilities } from './schema-compatibility';

const schemaOf = (schema: z.ZodType): JsonObject => toJsonSchema(schema, 'draft-2020-12');

const released = z.object({
  at: z.iso.datetime({ offset: true }),
  handoffId: z.uuid(),
  kind: z.enum(['pcp', 'snf']),
  note: z.string().max(500).optional(),
  breach: z.number().int().min(1),
  outcome: z.discriminatedUnion('billable', [
    z.object({ billable: z.literal(true), cptCode: z.enum(['99495', '99496']) }),
    z.object({ billable: z.literal(false), reason: z.string() }),
  ]),
  schedule: z.array(z.iso.datetime({ offset: true })),
});

const check = (newer: z.ZodType): string[] =>
  forwardIncompatibilities(schemaOf(released), schemaOf(newer));

describe('forwardIncompatibilities: can a reader of the released schema read the new one?', () => {
  describe('yes, when the new schema', () => {
    it.each<[string, z.ZodType]>([
      ['is the same', released],
      [
        'only changes descriptions',
        released.describe('Renamed').extend({ breach: z.number().int().min(1).describe('n') }),
      ],
      ['adds an optional property', released.extend({ channel: z.string().optional() })],
      ['adds a required property', released.extend({ channel: z.enum(['phone', 'video']) })],
      ['makes an optional property required', released.extend({ note: z.string().max(500) })],
      ['narrows an enum', released.extend({ kind: z.enum(['pcp']) })],
      ['tightens a bound', released.extend({ breach: z.number().int().min(2).max(9) })],
      [
        'adds a property to one alternative',
        released.extend({
          outcome: z.discriminatedUnion('billable', [
            z.object({
              billable: z.literal(true),
              cptCode: z.enum(['99495', '99496']),
              rvu: z.number(),
            }),
            z.object({ billable: z.literal(false), reason: z.string() }),
          ]),
        }),
      ],
      [
        'drops an alternative',
        released.extend({
          outcome: z.object({ billable: z.literal(true), cptCode: z.enum(['99495', '99496']) }),
        }),
      ],
      [
        'adds a pattern to a free text',
        released.extend({
          note: z
            .string()
            .max(500)
            .regex(/^[^<>]*$/)
            .optional(),
        }),
      ],
    ])('%s', (_change, newer) => {
      expect(check(newer)).toEqual([]);
    });
  });

  describe('no, and says why, when the new schema', () => {
    it.each<[string, z.ZodType, string[]]>([
      [
        'drops a required property',
        released.omit({ handoffId: true }),
        [
          'handoffId: no longer required',
          'handoffId: no longer described, so it may now hold anything',
        ],
      ],
      [
        'makes a required property optional',
        released.extend({ handoffId: z.uuid().optional() }),
        ['handoffId: no longer required'],
      ],
      [
        'drops an optional property',
        released.omit({ note: true }),
        ['note: no longer described, so it may now hold anything'],
      ],
      [
        'changes a type',
        released.extend({ breach: z.string() }),
        ['breach: now allows type string, the released schema does not'],
      ],
      [
        'widens an integer to a number',
        released.extend({ breach: z.number().min(1) }),
        [
          'breach: now allows type number, the released schema does not',
          'breach: no longer requires maximum 9007199254740991',
        ],
      ],
      [
        'widens an enum',
        released.extend({ kind: z.enum(['pcp', 'snf', 'hospice']) }),
        ['kind: now allows "hospice", the released schema does not'],
      ],
      [
        'drops a format',
        released.extend({ handoffId: z.string() }),
        [
          'handoffId: no longer requires format "uuid"',
          expect.stringContaining('handoffId: no longer requires pattern'),
        ],
      ],
      [
        'loosens a bound',
        released.extend({ breach: z.number().int().min(0), note: z.string().max(1000).optional() }),
        ['note: maxLength loosened from 500 to 1000', 'breach: minimum loosened from 1 to 0'],
      ],
      [
        'widens array items',
        released.extend({ schedule: z.array(z.string()) }),
        [
          'schedule[]: no longer requires format "date-time"',
          expect.stringContaining('schedule[]: no longer requires pattern'),
        ],
      ],
      [
        'adds an alternative',
        released.extend({
          outcome: z.discriminatedUnion('billable', [
            z.object({ billable: z.literal(true), cptCode: z.enum(['99495', '99496']) }),
            z.object({ billable: z.literal(false), reason: z.string() }),
            z.object({ billable: z.null() }),
          ]),
        }),
        [
          'outcome: no alternative of the released oneOf accepts all it allows now',
          'outcome.cptCode: no longer required',
          'outcome.billable: now allows type null, the released schema does not',
          'outcome.billable: no longer restricted to [true]',
          'outcome.cptCode: no longer described, so it may now hold anything',
        ],
      ],
      [
        'widens a code in an alternative',
        released.extend({
          outcome: z.discriminatedUnion('billable', [
            z.object({ billable: z.literal(true), cptCode: z.enum(['99495', '99496', '99497']) }),
            z.object({ billable: z.literal(false), reason: z.string() }),
          ]),
        }),
        [
          'outcome: no alternative of the released oneOf accepts all it allows now',
          'outcome.cptCode: now allows "99497", the released schema does not',
        ],
      ],
    ])('%s', (_change, newer, problems) => {
      expect(check(newer)).toEqual(problems);
    });
  });

  it('takes closed objects and unknown keywords into account', () => {
    const closed: JsonObject = {
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: false,
    };
    expect(
      forwardIncompatibilities(closed, { ...closed, properties: { a: { type: 'string' }, b: {} } }),
    ).toEqual(['b: the released schema does not allow it']);
    expect(
      forwardIncompatibilities(
        { type: 'string', contentEncoding: 'base64' },
        { type: 'string', contentEncoding: 'base32' },
        'blob',
      ),
    ).toEqual(['blob: cannot prove the change of "contentEncoding" compatible']);
  });

  it('finds every released schema compatible with itself', () => {
    const { shared, events } = contractSchemas();
    for (const schema of [...Object.values(shared), ...Object.values(events)]) {
      expect(forwardIncompatibilities(schema, schema)).toEqual([]);
    }
    const calendar = episodeEventDataSchemas['care.episode.tcm_clocks_started.v1'];
    expect(
      forwardIncompatibilities(
        schemaOf(calendar),
        schemaOf(calendar.extend({ source: z.string().optional() })),
      ),
    ).toEqual([]);
  });
});
