import { careEpisodeStages, isTerminalStage, stuckReasons } from '@care/domain';
import { cursorParam, pageLimit } from '@care/platform';
import { z } from 'zod';

export const worklistNames = ['mine', 'unassigned', 'due-today', 'overdue'] as const;

export type WorklistName = (typeof worklistNames)[number];

export const worklistName = z.enum(worklistNames, {
  error: `must be one of ${worklistNames.join(', ')}`,
});

const openStages = careEpisodeStages.filter((stage) => !isTerminalStage(stage));

export const worklistQuery = z.strictObject({
  stage: z.enum(openStages).optional(),
  riskTier: z.enum(['low', 'moderate', 'high']).optional(),
  stuck: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'Only stuck episodes (true) or only the others (false).' }),
  stuckReason: z.enum(stuckReasons).optional(),
  limit: pageLimit(25, 100),
  cursor: cursorParam(z.tuple([z.number().int(), z.uuid()])).optional(),
});

export type WorklistQuery = z.output<typeof worklistQuery>;
