import fc from 'fast-check';
import { DEFAULT_ESCALATION_LADDER, ladderSteps, type EscalationLadder } from './escalation-ladder';

// A 24-hour acceptance SLA from 16:00 UTC on Tuesday 19 January 2027.
const REQUESTED_AT = '2027-01-19T16:00:00.000Z';
const ACCEPT_DUE = '2027-01-20T16:00:00.000Z';

describe('ladderSteps (rule 8: remind, escalate, reassign)', () => {
  it('rule 8: the default ladder reminds at 50 %, escalates at 100 % and reassigns at the second breach', () => {
    expect(DEFAULT_ESCALATION_LADDER).toEqual({
      remindAtPercent: 50,
      escalateAtPercent: 100,
      reassignOnBreach: 2,
    });
    expect(ladderSteps(REQUESTED_AT, ACCEPT_DUE, DEFAULT_ESCALATION_LADDER)).toEqual([
      { step: 'remind', at: '2027-01-20T04:00:00.000Z' },
      { step: 'escalate', at: '2027-01-20T16:00:00.000Z', breach: 1 },
      { step: 'reassign', at: '2027-01-21T16:00:00.000Z', breach: 2 },
    ]);
  });

  it('rule 8: the completion phase runs its own ladder from the acceptance', () => {
    // Accepted at 10:00 on the 20th with 72 hours to complete.
    expect(
      ladderSteps(
        '2027-01-20T10:00:00.000Z',
        '2027-01-23T10:00:00.000Z',
        DEFAULT_ESCALATION_LADDER,
      ),
    ).toEqual([
      { step: 'remind', at: '2027-01-21T22:00:00.000Z' },
      { step: 'escalate', at: '2027-01-23T10:00:00.000Z', breach: 1 },
      { step: 'reassign', at: '2027-01-26T10:00:00.000Z', breach: 2 },
    ]);
  });

  it('rule 8: a tenant ladder reminding at 25 %, breaching every 75 % and reassigning on breach 3', () => {
    const ladder: EscalationLadder = {
      remindAtPercent: 25,
      escalateAtPercent: 75,
      reassignOnBreach: 3,
    };
    // 6, 18, 36 and 54 hours into the 24-hour SLA.
    expect(ladderSteps(REQUESTED_AT, ACCEPT_DUE, ladder)).toEqual([
      { step: 'remind', at: '2027-01-19T22:00:00.000Z' },
      { step: 'escalate', at: '2027-01-20T10:00:00.000Z', breach: 1 },
      { step: 'escalate', at: '2027-01-21T04:00:00.000Z', breach: 2 },
      { step: 'reassign', at: '2027-01-21T22:00:00.000Z', breach: 3 },
    ]);
  });

  it('rule 8: a ladder that reassigns on the first breach never escalates', () => {
    const ladder: EscalationLadder = {
      remindAtPercent: 80,
      escalateAtPercent: 100,
      reassignOnBreach: 1,
    };
    // A 7-hour SLA: the reminder at 5 h 36 min, the reassignment when it is due.
    expect(ladderSteps(REQUESTED_AT, '2027-01-19T23:00:00.000Z', ladder)).toEqual([
      { step: 'remind', at: '2027-01-19T21:36:00.000Z' },
      { step: 'reassign', at: '2027-01-19T23:00:00.000Z', breach: 1 },
    ]);
  });

  it('rule 8: for any SLA and sensible ladder, steps run in time order and end with one reassignment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 * 24 * 60 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 50, max: 200 }),
        fc.integer({ min: 1, max: 5 }),
        (slaMinutes, remindAtPercent, escalateAtPercent, reassignOnBreach) => {
          fc.pre(remindAtPercent < escalateAtPercent);
          const due = new Date(Date.parse(REQUESTED_AT) + slaMinutes * 60_000).toISOString();
          const steps = ladderSteps(REQUESTED_AT, due, {
            remindAtPercent,
            escalateAtPercent,
            reassignOnBreach,
          });
          expect(steps).toHaveLength(reassignOnBreach + 1);
          expect(steps[0]?.step).toBe('remind');
          expect(steps.at(-1)).toMatchObject({ step: 'reassign', breach: reassignOnBreach });
          const instants = steps.map((step) => Date.parse(step.at));
          instants.slice(1).forEach((instant, index) => {
            expect(instant).toBeGreaterThan(instants[index]!);
          });
          expect(instants[0]).toBeGreaterThan(Date.parse(REQUESTED_AT));
          steps.slice(1, -1).forEach((step, index) => {
            expect(step).toMatchObject({ step: 'escalate', breach: index + 1 });
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
