import { v5 as uuidv5 } from 'uuid';

/**
 * Ids on the analytics stream are UUID v5 names in the namespace of the episode's random key:
 * the same each time (a republished event keeps its id, so consumers dedupe), and unlike a
 * fixed namespace, nobody holding the operational stream can compute them to link the two.
 */
export const analyticsEventId = (sourceEventId: string, episodeKey: string): string =>
  uuidv5(`event:${sourceEventId}`, episodeKey);

/** The parts of an episode that have keys of their own on the analytics stream. */
export type EpisodePart =
  'handoff' | 'readmission' | 'ed-revisit' | 'problem' | 'goal' | 'intervention';

/** A key for a part of the episode (a hand-off, a plan item, …), stable within it. */
export const episodePartKey = (
  part: EpisodePart,
  operationalId: string,
  episodeKey: string,
): string => uuidv5(`${part}:${operationalId}`, episodeKey);
