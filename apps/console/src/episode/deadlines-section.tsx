import type { DeadlineView } from '../api/contract';
import { DataTable } from '../components/data-table';
import { formatDateTime } from '../format/date-time';
import { humanize } from '../format/labels';
import { useNow } from '../hooks/use-now';
import { CountdownText } from './countdown-text';

/** The deadlines not met yet, earliest first, counting down by the second. */
export function DeadlinesSection({ deadlines }: { deadlines: readonly DeadlineView[] }) {
  const now = useNow();
  return (
    <section aria-labelledby="deadlines">
      <h2 id="deadlines">Deadlines</h2>
      {deadlines.length === 0 ? (
        <p className="muted">No open deadlines.</p>
      ) : (
        <DataTable
          caption="Open deadlines"
          rows={deadlines}
          rowKey={(deadline) => `${deadline.kind}:${deadline.handoffId ?? ''}`}
          columns={[
            {
              header: 'Deadline',
              cell: (deadline) =>
                deadline.handoffId ? (
                  <>
                    {humanize(deadline.kind)} <span className="muted">({deadline.handoffId})</span>
                  </>
                ) : (
                  humanize(deadline.kind)
                ),
            },
            {
              header: 'Due',
              cell: (deadline) => (
                <time dateTime={deadline.dueAt}>{formatDateTime(deadline.dueAt)}</time>
              ),
            },
            {
              header: 'Time left',
              cell: (deadline) => (
                <CountdownText dueAt={deadline.dueAt} now={now} overdue={deadline.overdue} />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
