import type { SeededEpisode } from './seed-demo';

export interface SummaryContext {
  tenantId: string;
  consoleUrl: string;
  opsToken: string;
}

const tally = (values: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value} ${count}`).join(', ') || 'none';
};

/** What the seed did, one line per episode, then where to look and how to sign in. */
export function formatSummary(
  episodes: readonly SeededEpisode[],
  { tenantId, consoleUrl, opsToken }: SummaryContext,
): string {
  const created = episodes.filter((episode) => episode.created).length;
  const stuck = episodes.filter((episode) => episode.stuckReasons.length > 0);
  const width = Math.max(0, ...episodes.map((episode) => episode.stage.length));
  return [
    `${episodes.length} demo episodes for tenant ${tenantId}: ${created} new, ${episodes.length - created} already there`,
    ...episodes.map(
      ({ demo, episodeId, stage, stuckReasons }) =>
        `  ${demo.encounterId}  ${stage.padEnd(width)}  ${episodeId}  ${demo.story}` +
        (stuckReasons.length > 0 ? `  [stuck: ${stuckReasons.join(', ')}]` : ''),
    ),
    `by stage: ${tally(episodes.map((episode) => episode.stage))}`,
    `stuck: ${stuck.length} (${tally(stuck.flatMap((episode) => episode.stuckReasons))})`,
    `console: ${consoleUrl}`,
    `ops token for ${tenantId} (8 h): ${opsToken}`,
  ].join('\n');
}
