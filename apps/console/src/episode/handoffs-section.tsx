import type { Handoff } from '../domain';
import { handoffDue, isOpenHandoff } from '../domain';
import { formatDateTime } from '../format/date-time';
import { humanize } from '../format/labels';
import { useNow } from '../hooks/use-now';
import { CountdownText } from './countdown-text';

function SlaState({ handoff, now }: { handoff: Handoff; now: number }) {
  const dueAt = handoffDue(handoff);
  if (!isOpenHandoff(handoff) || dueAt === undefined) return <span className="muted">Closed</span>;
  const phase = handoff.status === 'requested' ? 'Acceptance' : 'Completion';
  return (
    <>
      {phase} due <time dateTime={dueAt}>{formatDateTime(dueAt)}</time>
      <br />
      <CountdownText dueAt={dueAt} now={now} overdue={handoff.overdue} />
    </>
  );
}

/** The closed-loop hand-offs: who holds each, where its SLA stands, and a way to hand it on. */
export function HandoffsSection({
  handoffs,
  canAct,
  onReassign,
}: {
  handoffs: readonly Handoff[];
  canAct: boolean;
  onReassign: (handoff: Handoff) => void;
}) {
  const now = useNow();
  return (
    <section aria-labelledby="handoffs">
      <h2 id="handoffs">Hand-offs</h2>
      {handoffs.length === 0 ? (
        <p className="muted">No hand-offs requested.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Hand-offs</caption>
            <thead>
              <tr>
                <th scope="col">Hand-off</th>
                <th scope="col">Assignee</th>
                <th scope="col">Status</th>
                <th scope="col">SLA</th>
                <th scope="col" className="numeric">
                  Breaches
                </th>
                <th scope="col">Reminder</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {handoffs.map((handoff) => (
                <tr key={handoff.handoffId}>
                  <th scope="row">
                    {humanize(handoff.kind)}
                    <br />
                    <span className="muted episode-id">{handoff.handoffId}</span>
                  </th>
                  <td>{handoff.assignee}</td>
                  <td>
                    {humanize(handoff.status)}
                    <br />
                    <span className="muted">
                      requested{' '}
                      <time dateTime={handoff.requestedAt}>
                        {formatDateTime(handoff.requestedAt)}
                      </time>
                    </span>
                  </td>
                  <td>
                    <SlaState handoff={handoff} now={now} />
                  </td>
                  <td className="numeric">{handoff.breaches}</td>
                  <td>{handoff.reminded ? 'Sent' : 'Not sent'}</td>
                  <td>
                    {canAct && isOpenHandoff(handoff) && (
                      <button
                        type="button"
                        aria-label={`Reassign hand-off ${handoff.handoffId}`}
                        onClick={() => onReassign(handoff)}
                      >
                        Reassign
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
