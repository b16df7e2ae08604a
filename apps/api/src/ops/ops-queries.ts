import { careEpisodeStages, isTerminalStage, stuckReasons } from '@care/domain';
import { cursorParam, pageLimit } from '@care/platform';
import { z } from 'zod';

const openStages = careEpisodeStages.filter((stage) => !isTerminalStage(stage));

export const stuckQueueQuery = z.strictObject({
  reason: z.enum(stuckReasons).optional(),
  stage: z.enum(openStages).optional(),
  limit: pageLimit(50, 200),
  cursor: cursorParam(z.tuple([z.number().int(), z.uuid()])).optional(),
});

export type StuckQueueQuery = z.output<typeof stuckQueueQuery>;
