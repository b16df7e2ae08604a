import type { ComplianceToday, DeadlineTally } from '../api/contract';
import { DataTable } from '../components/data-table';
import { formatShare } from '../format/date-time';
import { billableShare, metShare } from './compliance-share';

interface Requirement {
  name: string;
  tally: DeadlineTally;
}

const rows = (compliance: ComplianceToday): Requirement[] => [
  { name: 'Interactive contact (2 business days)', tally: compliance.contact },
  { name: 'Face-to-face visit', tally: compliance.visit },
];

const count = (pick: (tally: DeadlineTally) => number) => (row: Requirement) => pick(row.tally);

/** Today's TCM deadlines, met or missed, and how many of today's closures can be billed. */
export function ComplianceSection({ compliance }: { compliance: ComplianceToday }) {
  const { total, billable } = compliance.closed;
  return (
    <>
      <p className="muted">
        Deadlines falling on {compliance.date} in the tenant&apos;s time zone. Compliance is the
        share met of those already met or missed.
      </p>
      <DataTable
        caption="TCM deadlines due today"
        rows={rows(compliance)}
        rowKey={(row) => row.name}
        columns={[
          { header: 'Requirement', cell: (row) => row.name },
          { header: 'Due', numeric: true, cell: count((tally) => tally.due) },
          { header: 'Met', numeric: true, cell: count((tally) => tally.met) },
          { header: 'Missed', numeric: true, cell: count((tally) => tally.missed) },
          { header: 'Pending', numeric: true, cell: count((tally) => tally.pending) },
          { header: 'Compliance', numeric: true, cell: (row) => formatShare(metShare(row.tally)) },
        ]}
      />
      <p className="figure-line">
        Closed today: <strong>{total}</strong>, billable <strong>{billable}</strong> (billable rate{' '}
        <strong>{formatShare(billableShare(compliance.closed))}</strong>)
      </p>
    </>
  );
}
