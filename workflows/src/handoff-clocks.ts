import {
  getExternalWorkflowHandle,
  ParentClosePolicy,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { CareEpisodeEvent, CareEpisodeState, EscalationLadder } from '@care/domain';
import { isOpenHandoff } from '@care/domain';
import { handoffClockSignal, type HandoffClock } from './handoff-sla.messages';
import { handoffSla } from './handoff-sla.workflow';

export const handoffSlaWorkflowId = (episodeWorkflowId: string, handoffId: string): string =>
  `${episodeWorkflowId}/handoff/${handoffId}`;

/**
 * Keeps each hand-off's SLA workflow in step with the recorded events. The SLA workflows
 * outlive a continue-as-new of the episode, so they are addressed by id, never by handle.
 */
export function handoffClockEffects(ladder: () => EscalationLadder) {
  const episodeWorkflowId = workflowInfo().workflowId;

  const tell = async (handoffId: string, clock: HandoffClock): Promise<void> => {
    const handle = getExternalWorkflowHandle(handoffSlaWorkflowId(episodeWorkflowId, handoffId));
    // A clock that already stopped has nothing left to hear.
    await handle.signal(handoffClockSignal, clock).catch(() => undefined);
  };

  return async (events: CareEpisodeEvent[], state: CareEpisodeState): Promise<void> => {
    if (state.status !== 'open') return;
    for (const event of events) {
      switch (event.type) {
        case 'care.episode.handoff_requested.v1': {
          const { handoffId, at, acceptDue } = event.data;
          await startChild(handoffSla, {
            workflowId: handoffSlaWorkflowId(episodeWorkflowId, handoffId),
            parentClosePolicy: ParentClosePolicy.ABANDON,
            args: [
              {
                episodeWorkflowId,
                handoffId,
                ladder: ladder(),
                clock: { phase: 'acceptance', phaseStartedAt: at, dueAt: acceptDue },
              },
            ],
          });
          break;
        }
        case 'care.episode.handoff_accepted.v1':
          await tell(event.data.handoffId, {
            phase: 'completion',
            phaseStartedAt: event.data.at,
            dueAt: event.data.completeDue,
          });
          break;
        case 'care.episode.handoff_reassigned.v1':
        case 'care.episode.handoff_reassigned_by_ops.v1':
          await tell(event.data.handoffId, {
            phase: 'acceptance',
            phaseStartedAt: event.data.at,
            dueAt: event.data.acceptDue,
          });
          break;
        case 'care.episode.handoff_declined.v1':
        case 'care.episode.handoff_completed.v1':
          await tell(event.data.handoffId, { phase: 'closed' });
          break;
        case 'care.episode.closed.v1':
        case 'care.episode.cancelled.v1':
          for (const handoff of state.handoffs.filter(isOpenHandoff)) {
            await tell(handoff.handoffId, { phase: 'closed' });
          }
          break;
        default:
          break;
      }
    }
  };
}
