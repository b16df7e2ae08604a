import type { DeadlineTally } from '../api/contract';

/** Of today's deadlines already decided, the share met; undefined while none is decided. */
export function metShare(tally: DeadlineTally): number | undefined {
  const decided = tally.met + tally.missed;
  return decided > 0 ? tally.met / decided : undefined;
}

/** Of today's closures, the share billable; undefined when nothing closed today. */
export const billableShare = (closed: { total: number; billable: number }): number | undefined =>
  closed.total > 0 ? closed.billable / closed.total : undefined;
