import {
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  setHandler,
} from '@temporalio/workflow';
import { ladderSteps, type EscalationLadder } from '@care/domain';
import { handoffLadderStepSignal } from './care-episode.messages';
import { handoffClockSignal, type HandoffClock } from './handoff-sla.messages';

export interface HandoffSlaInput {
  episodeWorkflowId: string;
  handoffId: string;
  ladder: EscalationLadder;
  clock: HandoffClock;
}

/**
 * Rule 8: one hand-off's SLA clock. It walks the escalation ladder of the running phase and
 * tells the episode each rung it reaches; the episode decides and records what happens.
 * A new phase from the episode restarts the ladder; 'closed' ends the clock.
 */
export async function handoffSla({
  episodeWorkflowId,
  handoffId,
  ladder,
  clock: initial,
}: HandoffSlaInput): Promise<void> {
  let clock = initial;
  let changes = 0;
  setHandler(handoffClockSignal, (next) => {
    clock = next;
    changes += 1;
  });
  const episode = getExternalWorkflowHandle(episodeWorkflowId);

  while (clock.phase !== 'closed') {
    const { phase, phaseStartedAt, dueAt } = clock;
    const seen = changes;
    for (const step of ladderSteps(phaseStartedAt, dueAt, ladder)) {
      const wait = Date.parse(step.at) - Date.now();
      const moved = wait > 0 ? await condition(() => changes !== seen, wait) : changes !== seen;
      if (moved) break;
      try {
        await episode.signal(handoffLadderStepSignal, { handoffId, phase, phaseStartedAt, step });
      } catch (error) {
        if (isCancellation(error)) throw error;
        return; // The episode has ended; nobody is left to escalate to.
      }
    }
    await condition(() => changes !== seen);
  }
}
