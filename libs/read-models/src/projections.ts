import type { Projection } from '@care/event-store';
import { episodeSummaryProjection } from './episode-summary.projection';
import { episodeTimelineProjection } from './episode-timeline.projection';

/** Every read model, by name; `npm run projections:rebuild -- <name>` picks from these. */
export const projections: readonly Projection[] = [
  episodeSummaryProjection,
  episodeTimelineProjection,
];

export const inlineProjections = projections.filter((projection) => projection.mode === 'inline');
export const asyncProjections = projections.filter((projection) => projection.mode === 'async');
