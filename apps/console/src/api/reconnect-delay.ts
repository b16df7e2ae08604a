const FIRST_MS = 1_000;
const MOST_MS = 30_000;

/**
 * How long to wait before the next attempt to reopen the stream: doubling from one second up to
 * thirty, each wait drawn from its upper half so that consoles dropped together do not return
 * together.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MOST_MS, FIRST_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
