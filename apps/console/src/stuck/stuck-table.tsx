import { Link } from 'react-router';
import type { StuckEpisodeItem } from '../api/contract';
import { formatDateTime, formatHours } from '../format/date-time';
import { humanize, stageLabel, stuckReasonLabel } from '../format/labels';

function OverdueDeadlines({ item }: { item: StuckEpisodeItem }) {
  const overdue = item.deadlines.filter((deadline) => deadline.overdue);
  if (overdue.length === 0) return <span className="muted">None</span>;
  return (
    <>
      <strong>{overdue.length}</strong>:{' '}
      {overdue.map((deadline) => humanize(deadline.kind)).join(', ')}
    </>
  );
}

/** The loaded stuck episodes, one row each, with a checkbox to pick them for a bulk action. */
export function StuckTable({
  rows,
  selected,
  onSelect,
  onSelectAll,
}: {
  rows: readonly StuckEpisodeItem[];
  selected: ReadonlySet<string>;
  onSelect: (episodeId: string, picked: boolean) => void;
  onSelectAll: (picked: boolean) => void;
}) {
  const pickedCount = rows.filter((row) => selected.has(row.episodeId)).length;
  const all = rows.length > 0 && pickedCount === rows.length;
  return (
    <div className="table-scroll">
      <table className="stuck-table">
        <caption className="visually-hidden">Stuck episodes</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all"
                checked={all}
                ref={(box) => {
                  if (box) box.indeterminate = pickedCount > 0 && !all;
                }}
                onChange={(event) => onSelectAll(event.target.checked)}
                disabled={rows.length === 0}
              />
            </th>
            <th scope="col">Episode</th>
            <th scope="col">Reasons</th>
            <th scope="col">Stage</th>
            <th scope="col" className="numeric">
              Hours stuck
            </th>
            <th scope="col" className="numeric">
              Hours in stage
            </th>
            <th scope="col">Overdue deadlines</th>
            <th scope="col">Assignees</th>
            <th scope="col">Discharged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.episodeId}
              className={selected.has(row.episodeId) ? 'selected' : undefined}
            >
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select episode ${row.episodeId}`}
                  checked={selected.has(row.episodeId)}
                  onChange={(event) => onSelect(row.episodeId, event.target.checked)}
                />
              </td>
              <th scope="row" className="episode-id">
                <Link to={`/episodes/${row.episodeId}`}>{row.episodeId}</Link>
              </th>
              <td>{row.stuckReasons.map(stuckReasonLabel).join(', ')}</td>
              <td>{stageLabel(row.stage)}</td>
              <td className="numeric">{formatHours(row.hoursStuck)}</td>
              <td className="numeric">{formatHours(row.hoursInStage)}</td>
              <td>
                <OverdueDeadlines item={row} />
              </td>
              <td>
                {row.handoffAssignees.length > 0 ? (
                  row.handoffAssignees.join(', ')
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td>
                <time dateTime={row.dischargedAt}>{formatDateTime(row.dischargedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
