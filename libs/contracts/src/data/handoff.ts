import { z } from 'zod';

export const handoffKind = z
  .enum(['pcp', 'specialist', 'home_health', 'snf', 'community_resource'])
  .describe('The service the patient is handed over to.');

export const handoffPhase = z
  .enum(['acceptance', 'completion'])
  .describe(
    "The part of the closed loop whose SLA clock is running: until it's accepted, then until it's completed.",
  );
