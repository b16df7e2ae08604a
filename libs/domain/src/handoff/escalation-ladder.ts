/** A tenant's escalation ladder for hand-off SLAs (rule 8). */
export interface EscalationLadder {
  /** Percentage of the SLA after which the assignee is reminded. */
  remindAtPercent: number;
  /** Percentage of the SLA at which it counts as breached and is escalated. */
  escalateAtPercent: number;
  /** The breach on which the hand-off is reassigned instead of escalated again. */
  reassignOnBreach: number;
}

export const DEFAULT_ESCALATION_LADDER: EscalationLadder = {
  remindAtPercent: 50,
  escalateAtPercent: 100,
  reassignOnBreach: 2,
};

export type LadderStep =
  | { step: 'remind'; at: string }
  | { step: 'escalate'; at: string; breach: number }
  | { step: 'reassign'; at: string; breach: number };

/**
 * The steps of one SLA phase in time order: a reminder, an escalation at each breach, and a
 * reassignment at the last breach, after which a new phase (and ladder) begins.
 */
export function ladderSteps(
  phaseStartedAt: string,
  dueAt: string,
  ladder: EscalationLadder,
): LadderStep[] {
  const start = Date.parse(phaseStartedAt);
  const sla = Date.parse(dueAt) - start;
  const at = (fraction: number) => new Date(start + Math.round(sla * fraction)).toISOString();
  const breachAt = (breach: number) => at((ladder.escalateAtPercent / 100) * breach);
  const steps: LadderStep[] = [{ step: 'remind', at: at(ladder.remindAtPercent / 100) }];
  for (let breach = 1; breach < ladder.reassignOnBreach; breach += 1) {
    steps.push({ step: 'escalate', at: breachAt(breach), breach });
  }
  steps.push({
    step: 'reassign',
    at: breachAt(ladder.reassignOnBreach),
    breach: ladder.reassignOnBreach,
  });
  return steps;
}
