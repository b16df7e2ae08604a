export const careEpisodeStages = [
  'intake',
  'assessment',
  'planning',
  'handoff',
  'follow_up',
  'closed',
  'cancelled',
] as const;

export type CareEpisodeStage = (typeof careEpisodeStages)[number];

export const isTerminalStage = (stage: CareEpisodeStage): boolean =>
  stage === 'closed' || stage === 'cancelled';
