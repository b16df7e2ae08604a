import { cursorParam, pageLimit } from '@care/platform';
import { z } from 'zod';

export const TIMELINE_PAGE = 50;

export const timelineQuery = z.strictObject({
  limit: pageLimit(TIMELINE_PAGE, 500),
  cursor: cursorParam(z.tuple([z.number().int().min(0)])).optional(),
});

export type TimelineQuery = z.output<typeof timelineQuery>;
