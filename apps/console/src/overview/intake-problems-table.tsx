import type { IntakeProblem } from '../api/contract';
import { ProblemView } from '../components/problem-view';
import { formatDateTime } from '../format/date-time';
import { canRetryNow, describeFeedMessage, intakeStatusLabel } from './intake-problems';
import { useIntakeProblems } from './use-intake-problems';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function NextAttempt({ row }: { row: IntakeProblem }) {
  if (row.status === 'refused') return <span className="muted">Never</span>;
  if (row.nextAttemptAt === undefined) return <span className="muted">Not planned</span>;
  return <time dateTime={row.nextAttemptAt}>{formatDateTime(row.nextAttemptAt)}</time>;
}

/**
 * The failing and refused feed messages, oldest first, with "Retry now" on the failing ones.
 * Loaded again whenever `refreshKey` changes.
 */
export function IntakeProblemsTable({
  refreshKey,
  onRetry,
}: {
  refreshKey: string;
  onRetry: (problem: IntakeProblem) => void;
}) {
  const list = useIntakeProblems(refreshKey);
  return (
    <>
      {list.problem && <ProblemView problem={list.problem} />}
      <div className="table-scroll">
        <table className="intake-table">
          <caption className="visually-hidden">Failing and refused feed messages</caption>
          <colgroup>
            <col className="intake-status" />
            <col />
            <col className="intake-time" />
            <col className="intake-attempts" />
            <col />
            <col className="intake-time" />
            <col className="intake-action" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Message</th>
              <th scope="col">Received</th>
              <th scope="col" className="numeric">
                Attempts
              </th>
              <th scope="col">Last error</th>
              <th scope="col">Next attempt</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <tr key={row.position}>
                <td>{intakeStatusLabel(row.status)}</td>
                <th scope="row">
                  {describeFeedMessage(row)}
                  <span className="muted intake-position">Message {row.position}</span>
                </th>
                <td>
                  <time dateTime={row.receivedAt}>{formatDateTime(row.receivedAt)}</time>
                </td>
                <td className="numeric">{row.attempts}</td>
                <td>{row.lastError ?? <span className="muted">None</span>}</td>
                <td>
                  <NextAttempt row={row} />
                </td>
                <td>
                  {canRetryNow(row) && (
                    <button type="button" onClick={() => onRetry(row)}>
                      Retry now<span className="visually-hidden"> message {row.position}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.items.length === 0 && !list.loading && !list.problem && (
        <p className="empty">No feed message is failing or refused any more.</p>
      )}
      <div className="toolbar">
        <span className="muted">
          {plural(list.items.length, 'message')} loaded{list.loading ? ', loading…' : ''}
        </span>
        {list.nextCursor !== undefined && (
          <button type="button" onClick={list.loadMore} aria-disabled={list.loading || undefined}>
            Load more
          </button>
        )}
      </div>
    </>
  );
}
