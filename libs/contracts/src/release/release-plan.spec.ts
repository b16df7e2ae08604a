import { z } from 'zod';
import { cloudEventSchema } from '../cloud-event.schema';
import { episodeEventDataSchemas } from '../episode-events/episode-event-registry';
import { contractSchemas, type ContractSchemas } from '../json-schema/contract-json-schemas';
import { toJsonSchema } from '../json-schema/to-json-schema';
import { planRelease, releaseHistoryProblems, type Release } from './release-plan';

const released = contractSchemas();
const closed = episodeEventDataSchemas['care.episode.closed.v1'];

const release = (version: string, schemas: ContractSchemas = released): Release => ({
  version,
  schemas,
});

const withEvent = (type: string, schema: z.ZodType | undefined): ContractSchemas => {
  const events = Object.fromEntries(
    Object.entries(released.events).filter(([known]) => known !== type),
  );
  return {
    ...released,
    events:
      schema === undefined
        ? events
        : {
            ...events,
            [type]: { title: `${type} data`, ...toJsonSchema(schema, 'draft-2020-12') },
          },
  };
};

const closedWithCloser = withEvent(
  'care.episode.closed.v1',
  closed.extend({ closedBy: z.string().optional() }),
);
const closedWithoutOutcome = withEvent('care.episode.closed.v1', closed.omit({ outcome: true }));
const closedRedescribed = withEvent(
  'care.episode.closed.v1',
  closed.describe('The episode closed at the end of its service period.'),
);
const problemsOf = (plan: ReturnType<typeof planRelease>): string[] =>
  plan.status === 'rejected' ? plan.problems : [];

describe('planRelease', () => {
  it('releases the first version', () => {
    expect(planRelease(released, '1.0.0', [])).toEqual({
      status: 'unreleased',
      version: '1.0.0',
      changes: ['first release'],
    });
  });

  it('finds the schemas released when the code generates exactly those of its version', () => {
    expect(planRelease(released, '1.0.0', [release('1.0.0')])).toEqual({ status: 'released' });
  });

  it('refuses a schema change without a version bump, saying which version to set', () => {
    expect(planRelease(closedWithCloser, '1.0.0', [release('1.0.0')])).toEqual({
      status: 'rejected',
      problems: [
        'The event schemas changed, but CONTRACTS_VERSION is still 1.0.0, which is released in libs/contracts/schemas/1.0.0 and never changes. Set CONTRACTS_VERSION in libs/contracts/src/contracts-version.ts to 1.1.0 (a minor change), run npm run contracts:asyncapi and commit what it writes. (Only if 1.0.0 never reached main: delete libs/contracts/schemas/1.0.0 and run npm run contracts:asyncapi again instead.)\nChanges:\n  - care.episode.closed.v1: changed compatibly',
      ],
    });
  });

  it('asks for a patch version when only descriptions changed', () => {
    expect(problemsOf(planRelease(closedRedescribed, '1.0.0', [release('1.0.0')]))).toEqual([
      expect.stringContaining('to 1.0.1 (a patch change)'),
    ]);
    expect(planRelease(closedRedescribed, '1.0.1', [release('1.0.0')])).toEqual({
      status: 'unreleased',
      version: '1.0.1',
      changes: ['care.episode.closed.v1: descriptions changed'],
    });
  });

  it('releases a compatible change under a minor version', () => {
    expect(planRelease(closedWithCloser, '1.1.0', [release('1.0.0')])).toEqual({
      status: 'unreleased',
      version: '1.1.0',
      changes: ['care.episode.closed.v1: changed compatibly'],
    });
  });

  it('refuses a bump smaller than the changes need', () => {
    expect(planRelease(closedWithCloser, '1.0.1', [release('1.0.0')])).toEqual({
      status: 'rejected',
      problems: [
        '1.0.1 is a patch step from 1.0.0, but the changes need a minor version: set CONTRACTS_VERSION in libs/contracts/src/contracts-version.ts to 1.1.0 and run npm run contracts:asyncapi.\nChanges:\n  - care.episode.closed.v1: changed compatibly',
      ],
    });
  });

  it('refuses an incompatible change whatever the version, pointing to a new .v2 type', () => {
    for (const version of ['1.0.0', '1.1.0', '2.0.0']) {
      expect(planRelease(closedWithoutOutcome, version, [release('1.0.0')])).toEqual({
        status: 'rejected',
        problems: [
          'care.episode.closed.v1 changed incompatibly (outcome: no longer required; outcome: no longer described, so it may now hold anything): released consumers could no longer read its events. Leave care.episode.closed.v1 as released and add the new shape as a new event type care.episode.closed.v2 (in the domain and in episodeEventDataSchemas).',
        ],
      });
    }
  });

  it('refuses to remove an event type that has no successor', () => {
    const removed = withEvent('care.episode.stuck_cleared.v1', undefined);
    expect(problemsOf(planRelease(removed, '2.0.0', [release('1.0.0')]))).toEqual([
      'care.episode.stuck_cleared.v1 was removed without a successor: released consumers still read it and the relay replays stored care.episode.stuck_cleared.v1 events. Keep it in episodeEventDataSchemas; to retire it, first add care.episode.stuck_cleared.v2, then remove care.episode.stuck_cleared.v1 in a major version.',
    ]);
  });

  it('retires an event type for its successor only in a major version', () => {
    const { events } = withEvent('care.episode.stuck_cleared.v1', undefined);
    const successor = {
      ...released,
      events: {
        ...events,
        'care.episode.stuck_cleared.v2': released.events['care.episode.stuck_cleared.v1']!,
      },
    };
    expect(problemsOf(planRelease(successor, '1.1.0', [release('1.0.0')]))).toEqual([
      expect.stringContaining(
        'the changes need a major version: set CONTRACTS_VERSION in libs/contracts/src/contracts-version.ts to 2.0.0',
      ),
    ]);
    expect(planRelease(successor, '2.0.0', [release('1.0.0')])).toEqual({
      status: 'unreleased',
      version: '2.0.0',
      changes: [
        'care.episode.stuck_cleared.v1: retired in favour of care.episode.stuck_cleared.v2',
        'care.episode.stuck_cleared.v2: added',
      ],
    });
  });

  it('releases a new event type under a minor version', () => {
    const added = withEvent('care.episode.transferred.v1', z.object({ at: z.iso.datetime() }));
    expect(planRelease(added, '1.1.0', [release('1.0.0')])).toEqual({
      status: 'unreleased',
      version: '1.1.0',
      changes: ['care.episode.transferred.v1: added'],
    });
  });

  it('refuses an incompatible envelope, which needs a new topic', () => {
    const envelope = toJsonSchema(cloudEventSchema.omit({ tenantid: true }), 'draft-2020-12');
    const changed = { ...released, shared: { ...released.shared, 'cloud-event': envelope } };
    expect(problemsOf(planRelease(changed, '2.0.0', [release('1.0.0')]))).toEqual([
      expect.stringMatching(
        /^The cloud-event schema changed incompatibly \(tenantid: no longer required.*a new topic \(e\.g\. \.v2\)\.$/,
      ),
    ]);
  });

  it('refuses a version older than a released one, or one that is not semantic', () => {
    expect(
      problemsOf(planRelease(released, '1.0.0', [release('1.0.0'), release('1.1.0')])),
    ).toEqual([
      'CONTRACTS_VERSION is 1.0.0, but 1.1.0 is already released (libs/contracts/schemas/1.1.0). Versions only move forward: set CONTRACTS_VERSION in libs/contracts/src/contracts-version.ts to 1.1.0 or later.',
    ]);
    expect(problemsOf(planRelease(released, 'v1', []))).toEqual([
      'CONTRACTS_VERSION v1 in libs/contracts/src/contracts-version.ts is not MAJOR.MINOR.PATCH.',
    ]);
    expect(problemsOf(planRelease(released, '1.0.0', [release('latest')]))).toEqual([
      'libs/contracts/schemas/latest is not named after a version MAJOR.MINOR.PATCH: rename or remove it.',
    ]);
  });
});

describe('releaseHistoryProblems', () => {
  it('accepts compatible successors bumped enough, in any order on disk', () => {
    expect(releaseHistoryProblems([release('1.1.0', closedWithCloser), release('1.0.0')])).toEqual(
      [],
    );
  });

  it('finds a released version that was rewritten', () => {
    expect(releaseHistoryProblems([release('1.0.0'), release('1.0.1', closedWithCloser)])).toEqual([
      'libs/contracts/schemas/1.0.1 after 1.0.0: 1.0.1 is a patch step from 1.0.0, but the changes need a minor version: a released version never changes: restore libs/contracts/schemas/1.0.1 as it was released.\nChanges:\n  - care.episode.closed.v1: changed compatibly',
    ]);
    expect(
      releaseHistoryProblems([release('1.0.0'), release('2.0.0', closedWithoutOutcome)]),
    ).toEqual([
      expect.stringContaining(
        'libs/contracts/schemas/2.0.0 after 1.0.0: care.episode.closed.v1 changed incompatibly',
      ),
    ]);
  });
});
