import { describe, expect, it } from '@jest/globals';
import type { StuckEpisodeItem } from '../api/contract';
import { isStuckSort, overdueCount, sortStuck } from './stuck-sort';

const item = (episodeId: string, fields: Partial<StuckEpisodeItem>): StuckEpisodeItem => ({
  episodeId,
  patientRef: `Patient/${episodeId}`,
  stage: 'handoff',
  stuckReasons: ['handoff-sla'],
  dischargedAt: '2025-03-01T10:00:00.000Z',
  deadlines: [],
  stuckSince: '2025-03-05T10:00:00.000Z',
  hoursStuck: 10,
  stageSince: '2025-03-04T10:00:00.000Z',
  hoursInStage: 20,
  handoffAssignees: [],
  ...fields,
});

const overdue = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    kind: 'contact',
    dueAt: `2025-03-0${index + 1}T10:00:00.000Z`,
    overdue: true,
  }));

const ids = (items: StuckEpisodeItem[]) => items.map((row) => row.episodeId);

describe('stuck queue sorting', () => {
  const rows = [
    item('a', { hoursStuck: 5, hoursInStage: 50, dischargedAt: '2025-03-03T00:00:00.000Z' }),
    item('b', { hoursStuck: 30, hoursInStage: 40, deadlines: overdue(1) }),
    item('c', {
      hoursStuck: 12,
      hoursInStage: 60,
      deadlines: [
        ...overdue(2),
        { kind: 'visit', dueAt: '2025-04-01T00:00:00.000Z', overdue: false },
      ],
      dischargedAt: '2025-02-20T00:00:00.000Z',
    }),
  ];

  it('sorts by the longest stuck first', () => {
    expect(ids(sortStuck(rows, 'longest-stuck'))).toEqual(['b', 'c', 'a']);
  });

  it('sorts by the longest in stage first', () => {
    expect(ids(sortStuck(rows, 'longest-in-stage'))).toEqual(['c', 'a', 'b']);
  });

  it('sorts by the most overdue deadlines first, counting only the overdue ones', () => {
    expect(overdueCount(rows[2] as StuckEpisodeItem)).toBe(2);
    expect(ids(sortStuck(rows, 'most-overdue'))).toEqual(['c', 'b', 'a']);
  });

  it('sorts by the earliest discharge first, ties by the longest stuck', () => {
    expect(ids(sortStuck(rows, 'discharged-first'))).toEqual(['c', 'b', 'a']);
  });

  it('leaves the loaded rows as they were', () => {
    sortStuck(rows, 'longest-in-stage');
    expect(ids(rows)).toEqual(['a', 'b', 'c']);
  });

  it('knows its sort keys', () => {
    expect(isStuckSort('most-overdue')).toBe(true);
    expect(isStuckSort('toString')).toBe(false);
    expect(isStuckSort(null)).toBe(false);
  });
});
