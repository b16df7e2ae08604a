export interface Countdown {
  overdue: boolean;
  /** "Due in 1 d 2 h 3 min 4 s", "Due now" or "Overdue by 5 min 6 s". */
  text: string;
}

const UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
] as const;

/** A span in whole seconds, largest unit first, leaving out the leading units that are zero. */
export function formatSpan(ms: number): string {
  let seconds = Math.floor(Math.abs(ms) / 1_000);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(seconds / size);
    seconds -= count * size;
    if (count > 0 || parts.length > 0 || size === 1) parts.push(`${count} ${unit}`);
  }
  return parts.join(' ');
}

/** How long until a deadline, or how long since it passed, as of `nowMs`. */
export function countdown(dueAt: string, nowMs: number): Countdown {
  const left = Date.parse(dueAt) - nowMs;
  if (left < 0) return { overdue: true, text: `Overdue by ${formatSpan(left)}` };
  if (left < 1_000) return { overdue: false, text: 'Due now' };
  return { overdue: false, text: `Due in ${formatSpan(left)}` };
}
