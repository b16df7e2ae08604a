import type { ActionResult } from '../api/contract';
import type { ConsoleApi } from '../api/console-api';
import type { ActionInput } from '../components/action-dialog';
import type { Handoff } from '../domain';

/** The actions operations take on one episode, each confirmed in a dialog with a reason. */
export type EpisodeAction =
  | { kind: 'escalate' }
  | { kind: 'retry' }
  | { kind: 'cancel' }
  | { kind: 'reassign'; handoff: Handoff };

export interface ActionCopy {
  /** The dialog's name. */
  title: string;
  /** What the dialog says the action does. */
  explains: string;
  /** What the console says once the api recorded it. */
  done: (input: ActionInput) => string;
}

export function actionCopy(action: EpisodeAction): ActionCopy {
  switch (action.kind) {
    case 'escalate':
      return {
        title: 'Escalate episode',
        explains: "Escalates the episode to the care team's leads.",
        done: () => 'Episode escalated.',
      };
    case 'retry':
      return {
        title: 'Retry failing step',
        explains: 'Retries the step that keeps failing now, instead of at its next backoff.',
        done: () => 'The failing step was retried.',
      };
    case 'cancel':
      return {
        title: 'Cancel episode',
        explains: 'Ends the episode: its clocks stop and it cannot be reopened.',
        done: () => 'Episode cancelled.',
      };
    case 'reassign':
      return {
        title: 'Reassign hand-off',
        explains: `Hands ${action.handoff.handoffId}, held by ${action.handoff.assignee}, to someone else; acceptance starts again with a fresh SLA.`,
        done: ({ assignee }) => `Hand-off ${action.handoff.handoffId} reassigned to ${assignee}.`,
      };
  }
}

export function runAction(
  api: ConsoleApi,
  episodeId: string,
  action: EpisodeAction,
  { reason, assignee }: ActionInput,
): Promise<ActionResult> {
  switch (action.kind) {
    case 'escalate':
      return api.escalate(episodeId, reason);
    case 'retry':
      return api.retry(episodeId, reason);
    case 'cancel':
      return api.cancel(episodeId, reason);
    case 'reassign':
      return api.reassign(episodeId, action.handoff.handoffId, assignee, reason);
  }
}
