import type { StuckEpisodeItem } from '../api/contract';

export const overdueCount = (item: StuckEpisodeItem): number =>
  item.deadlines.filter((deadline) => deadline.overdue).length;

type Compare = (a: StuckEpisodeItem, b: StuckEpisodeItem) => number;

const longestStuck: Compare = (a, b) => b.hoursStuck - a.hoursStuck;

/** The orders operations triage the loaded rows in; ties fall back to the longest stuck. */
export const stuckSorts = {
  'longest-stuck': { label: 'Longest stuck', compare: longestStuck },
  'longest-in-stage': {
    label: 'Longest in stage',
    compare: (a, b) => b.hoursInStage - a.hoursInStage,
  },
  'most-overdue': {
    label: 'Most overdue deadlines',
    compare: (a, b) => overdueCount(b) - overdueCount(a),
  },
  'discharged-first': {
    label: 'Discharged first',
    compare: (a, b) => Date.parse(a.dischargedAt) - Date.parse(b.dischargedAt),
  },
} satisfies Record<string, { label: string; compare: Compare }>;

export type StuckSort = keyof typeof stuckSorts;

export const isStuckSort = (value: string | null): value is StuckSort =>
  value !== null && Object.hasOwn(stuckSorts, value);

export function sortStuck(items: readonly StuckEpisodeItem[], sort: StuckSort): StuckEpisodeItem[] {
  const { compare } = stuckSorts[sort];
  return items.toSorted(
    (a, b) => compare(a, b) || longestStuck(a, b) || a.episodeId.localeCompare(b.episodeId),
  );
}
