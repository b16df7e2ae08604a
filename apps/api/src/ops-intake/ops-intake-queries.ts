import { cursorParam, pageLimit } from '@care/platform';
import { z } from 'zod';
import { intakeProblemStatuses } from '../intake/intake-problem';

export const intakeProblemsQuery = z.strictObject({
  status: z
    .enum(intakeProblemStatuses)
    .optional()
    .meta({ description: 'Only failing or only refused messages; both without it.' }),
  limit: pageLimit(50, 200),
  cursor: cursorParam(z.tuple([z.string().regex(/^\d+$/)])).optional(),
});

export type IntakeProblemsQuery = z.output<typeof intakeProblemsQuery>;

export const intakePositionParam = z
  .string()
  .regex(/^[1-9]\d{0,18}$/, 'is not a feed message position');
