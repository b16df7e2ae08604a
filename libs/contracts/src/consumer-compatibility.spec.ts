import { z } from 'zod';
import type { CloudEvent } from './cloud-event';
import {
  episodeEventDataSchemas,
  episodeEventTypes,
} from './episode-events/episode-event-registry';
import { contractSchemas, type ContractSchemas } from './json-schema/contract-json-schemas';
import { toJsonSchema } from './json-schema/to-json-schema';
import { compareContracts } from './release/contract-changes';
import { readReleases } from './release/release-files';
import { emittedEpisodeEvents } from './testing/emitted-episode-events';
import { jsonSchemaValidator } from './testing/json-schema-validator';
import { validateCloudEvent } from './validation/validate-cloud-event';

const ADDED = 'addedInNextVersion';

/** The value with a property added to every object in it, as a later version might. */
function withAddedProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withAddedProperties);
  if (typeof value !== 'object' || value === null) return value;
  return {
    ...Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, withAddedProperties(child)]),
    ),
    [ADDED]: 'a value this version does not know',
  };
}

/** An event of version N+1: new envelope attribute, new properties at every level of data. */
const nextVersionOf = (event: CloudEvent): CloudEvent & { partitionkey: string } => ({
  ...event,
  partitionkey: event.subject,
  data: withAddedProperties(event.data) as Record<string, unknown>,
});

/** Version N+1 of the contracts: every event type gains an optional property. */
const nextVersionSchemas = (): ContractSchemas => {
  const current = contractSchemas();
  return {
    ...current,
    events: {
      ...current.events,
      ...Object.fromEntries(
        episodeEventTypes.map((type) => [
          type,
          {
            ...current.events[type],
            ...toJsonSchema(
              episodeEventDataSchemas[type].extend({ [ADDED]: z.string().optional() }),
              'draft-2020-12',
            ),
          },
        ]),
      ),
    },
  };
};

const unknownType: CloudEvent = {
  ...emittedEpisodeEvents()[0]!,
  type: 'care.episode.transferred.v1',
  data: { at: '2026-11-22T10:00:00Z', toFacility: 'Organization/lakeside-snf' },
};

describe('a consumer built on contracts version N reads the events of N+1', () => {
  const emitted = emittedEpisodeEvents();

  describe.each(readReleases().map((release) => [release.version, release] as const))(
    'with the released JSON Schemas of %s',
    (version, release) => {
      const validate = jsonSchemaValidator(release.schemas);
      const known = emitted.filter((event) => release.schemas.events[event.type] !== undefined);

      it('reads every event the engine emits now', () => {
        const rejected = known
          .map((event) => ({ type: event.type, errors: validate(event) }))
          .filter(({ errors }) => errors.length > 0);
        expect(rejected).toEqual([]);
      });

      it('reads events that carry properties it does not know, at every level', () => {
        const rejected = known
          .map((event) => ({ type: event.type, errors: validate(nextVersionOf(event)) }))
          .filter(({ errors }) => errors.length > 0);
        expect(rejected).toEqual([]);
      });

      it(`reads the envelope of an event type added after ${version}, to skip it`, () => {
        const added = emitted.filter((event) => release.schemas.events[event.type] === undefined);
        for (const event of [unknownType, ...added]) {
          expect(validate(event)).toEqual([`/type ${event.type} has no schema`]);
        }
      });
    },
  );

  describe('with the zod schemas of this version, as a tolerant reader', () => {
    it('parses next-version events and keeps what it knows', () => {
      for (const event of emitted) {
        expect(validateCloudEvent(nextVersionOf(event))).toEqual({ valid: true, event });
      }
    });

    it('where a strict reader would fail, which is why readers must not be strict', () => {
      const [event] = emitted;
      const strict = z.strictObject(
        episodeEventDataSchemas['care.episode.discharge_recorded.v1'].shape,
      );
      expect(strict.safeParse(nextVersionOf(event!).data).success).toBe(false);
    });
  });

  describe('the simulated N+1', () => {
    const current = contractSchemas();
    const next = nextVersionSchemas();

    it('is a compatible minor version by the release rules', () => {
      const changes = compareContracts(current, next);
      expect(changes.forbidden).toEqual([]);
      expect(changes.level).toBe('minor');
    });

    it('describes the next-version events', () => {
      const validate = jsonSchemaValidator(next);
      for (const event of emitted) expect(validate(nextVersionOf(event))).toEqual([]);
    });

    it('unlike a breaking change, which the rules refuse and version N cannot read', () => {
      const renamed = episodeEventDataSchemas['care.episode.closed.v1']
        .omit({ outcome: true })
        .extend({ result: z.string() });
      const breaking = {
        ...current,
        events: {
          ...current.events,
          'care.episode.closed.v1': toJsonSchema(renamed, 'draft-2020-12'),
        },
      };
      expect(compareContracts(current, breaking).forbidden).toEqual([
        expect.stringContaining('add the new shape as a new event type care.episode.closed.v2'),
      ]);
      const closed = emitted.find((event) => event.type === 'care.episode.closed.v1')!;
      const data: Record<string, unknown> = { ...closed.data, result: '99496' };
      delete data.outcome;
      const breakingEvent = { ...closed, data };
      expect(jsonSchemaValidator(breaking)(breakingEvent)).toEqual([]);
      expect(jsonSchemaValidator(current)(breakingEvent)).toEqual([
        "/data must have required property 'outcome'",
      ]);
    });
  });
});
