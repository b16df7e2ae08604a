import type { EpisodeChange } from './contract';

/** The data of an `episode` event, or undefined when it is not one the console can act on. */
export function parseEpisodeChange(data: string): EpisodeChange | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const change = value as Partial<Record<keyof EpisodeChange, unknown>>;
  if (typeof change.episodeId !== 'string' || change.episodeId === '') return undefined;
  return {
    episodeId: change.episodeId,
    stage: change.stage as EpisodeChange['stage'],
    stuckReasons: Array.isArray(change.stuckReasons)
      ? (change.stuckReasons as EpisodeChange['stuckReasons'])
      : [],
    version: typeof change.version === 'number' ? change.version : 0,
  };
}
