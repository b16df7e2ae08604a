import type { Projection } from '@care/event-store';
import { episodeSummaryProjection } from './episode-summary.projection';
import { episodeWorklistProjection } from './episode-worklist.projection';

/** Every read model, by name; `npm run projections:rebuild -- <name>` picks from these. */
export const projections: readonly Projection[] = [
  episodeSummaryProjection,
  episodeWorklistProjection,
];

export const inlineProjections = projections.filter((projection) => projection.mode === 'inline');
export const asyncProjections = projections.filter((projection) => projection.mode === 'async');
