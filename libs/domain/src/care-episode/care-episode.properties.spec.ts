import fc from 'fast-check';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { isTerminalStage } from './care-episode-stage';
import { initialCareEpisodeState, type CareEpisodeState } from './care-episode-state';
import { decide } from './decide';
import { DomainRuleViolation } from './domain-rule-violation';
import { evolve } from './evolve';
import { foldCareEpisode } from './fold';

const DISCHARGED_AT = Date.parse('2026-11-20T20:30:00.000Z');
const HOUR_MS = 3_600_000;

const command: fc.Arbitrary<CareEpisodeCommand> = fc.oneof(
  fc.constantFrom('e-1', 'e-2').map((episodeId): CareEpisodeCommand => ({
    type: 'RecordDischarge',
    data: {
      episodeId,
      tenantId: 'general-hospital',
      encounterId: 'ENC-1',
      patientRef: 'Patient/1',
      dischargedAt: new Date(DISCHARGED_AT).toISOString(),
    },
  })),
  fc
    .record({
      encounter: fc.integer({ min: 1, max: 4 }),
      hours: fc.integer({ min: -48, max: 800 }),
    })
    .map(({ encounter, hours }): CareEpisodeCommand => ({
      type: 'RecordReadmission',
      data: {
        admissionEncounterId: `ENC-R${encounter}`,
        admittedAt: new Date(DISCHARGED_AT + hours * HOUR_MS).toISOString(),
      },
    })),
  fc.constant<CareEpisodeCommand>({
    type: 'CancelDischarge',
    data: { reason: 'A13', cancelledAt: new Date(DISCHARGED_AT + HOUR_MS).toISOString() },
  }),
);

/** Runs commands as the workflow does: a refused command leaves the state as it was. */
function run(commands: readonly CareEpisodeCommand[]) {
  let state: CareEpisodeState = initialCareEpisodeState;
  const events: CareEpisodeEvent[] = [];
  const steps: { before: CareEpisodeState; produced: CareEpisodeEvent[] }[] = [];
  for (const next of commands) {
    let produced: CareEpisodeEvent[] = [];
    try {
      produced = decide(next, state);
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
    }
    steps.push({ before: state, produced });
    events.push(...produced);
    state = produced.reduce(evolve, state);
  }
  return { state, events, steps };
}

describe('care episode properties (1,000 random command sequences each)', () => {
  const sequences = fc.array(command, { maxLength: 25 });

  it('re-folding the recorded events gives the same state', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { state, events } = run(commands);
        expect(foldCareEpisode(events)).toEqual(state);
      }),
      { numRuns: 1_000 },
    );
  });

  it('accepts nothing once the episode is cancelled, and nothing before a discharge but a discharge', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        for (const { before, produced } of run(commands).steps) {
          if (before.status === 'open' && isTerminalStage(before.stage))
            expect(produced).toEqual([]);
          if (before.status === 'empty') {
            for (const event of produced)
              expect(event.type).toBe('care.episode.discharge_recorded.v1');
          }
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('never records the same readmission twice or one outside the 30-day window', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const readmissions = run(commands).events.flatMap((event) =>
          event.type === 'care.episode.readmission_recorded.v1' ? [event.data] : [],
        );
        const encounters = readmissions.map((readmission) => readmission.admissionEncounterId);
        expect(new Set(encounters).size).toBe(encounters.length);
        for (const readmission of readmissions) {
          expect(readmission.daysAfterDischarge).toBeGreaterThanOrEqual(0);
          expect(readmission.daysAfterDischarge).toBeLessThanOrEqual(30);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
