import { countdown } from '../format/countdown';

/**
 * How long until `dueAt`, or "Overdue by …" once passed: in words, not in colour only. `overdue`
 * is the api's word, which stands when this browser's clock runs behind.
 */
export function CountdownText({
  dueAt,
  now,
  overdue = false,
}: {
  dueAt: string;
  now: number;
  overdue?: boolean;
}) {
  const left = countdown(dueAt, now);
  if (left.overdue || overdue) {
    return <span className="overdue">{left.overdue ? left.text : 'Overdue'}</span>;
  }
  return <span className="countdown">{left.text}</span>;
}
