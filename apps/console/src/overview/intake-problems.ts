import type { IntakeProblem, OpsOverview, Page } from '../api/contract';
import { feedMessageKindLabel } from '../format/labels';

/** Problems a page of the list holds. */
export const INTAKE_PAGE = 50;
/** The most problems one request may ask for: a reload loads at most this many again. */
const INTAKE_MOST = 200;

const statusLabels: Record<IntakeProblem['status'], string> = {
  failing: 'Failing',
  refused: 'Refused',
};

export const intakeStatusLabel = (status: IntakeProblem['status']): string =>
  statusLabels[status] ?? status;

/** Whether the overview counts anything for the list of problems to show. */
export const hasIntakeProblems = (intake: OpsOverview['intake']): boolean =>
  intake.failing + intake.refused > 0;

/** Only failing messages are retried: the api refuses a retry of one the episode rules refused. */
export const canRetryNow = (problem: IntakeProblem): boolean => problem.status === 'failing';

/** "Discharge of encounter E-1001". */
export const describeFeedMessage = (problem: IntakeProblem): string =>
  `${feedMessageKindLabel(problem.kind)} of encounter ${problem.encounterId}`;

export interface RetryCopy {
  title: string;
  explains: string;
  done: string;
}

export const retryCopy = (problem: IntakeProblem): RetryCopy => ({
  title: 'Retry feed message',
  explains: `Tries message ${problem.position} (${describeFeedMessage(problem)}) now, instead of at its next backoff.`,
  done: `Feed message ${problem.position} will be tried now.`,
});

/** How many to ask for when loading the list again: as many as are shown, at least a page. */
export const reloadLimit = (shown: number): number =>
  Math.min(INTAKE_MOST, Math.max(INTAKE_PAGE, shown));

/** The next page after the ones shown, leaving out a message shown already (the list moved). */
export function appendPage(
  shown: Page<IntakeProblem>,
  next: Page<IntakeProblem>,
): Page<IntakeProblem> {
  const known = new Set(shown.items.map((item) => item.position));
  return {
    items: [...shown.items, ...next.items.filter((item) => !known.has(item.position))],
    ...(next.nextCursor !== undefined ? { nextCursor: next.nextCursor } : {}),
  };
}
