import { useCallback, useMemo } from 'react';
import type { ReportQuery } from '../api/console-api';
import { useApi } from '../auth/auth-context';
import { BarChartView } from '../components/bar-chart-view';
import { DataTable } from '../components/data-table';
import { ProblemView } from '../components/problem-view';
import { useResource } from '../hooks/use-resource';
import { DownloadCsvButton } from './download-csv-button';
import type { Dimension, ReportDefinition } from './report-catalog';
import { reportChart, reportTable, type ReportTableRow } from './report-table';

const COLORS = ['#2456a6', '#c2571a', '#1d6b38', '#7a3e9d'];

/**
 * One report: its grouping, a chart for sighted readers and a table of the same figures (and
 * the rest), and its CSV. The figures shown stay until the next answer replaces them.
 */
export function ReportSection({
  definition,
  dischargeYear,
  groupBy,
  onGroupBy,
}: {
  definition: ReportDefinition;
  dischargeYear?: number;
  groupBy?: Dimension;
  onGroupBy: (groupBy: Dimension | undefined) => void;
}) {
  const api = useApi();
  const { name, title } = definition;
  const query = useMemo<ReportQuery>(
    () => ({
      ...(dischargeYear !== undefined ? { dischargeYear } : {}),
      ...(groupBy ? { groupBy } : {}),
    }),
    [dischargeYear, groupBy],
  );
  const report = useResource(
    useCallback((signal: AbortSignal) => api.report(name, query, signal), [api, name, query]),
  );
  const answer = report.data;
  const table = answer && reportTable(definition, answer);
  const chart = answer && reportChart(definition, answer);
  const headingId = `report-${name}`;

  return (
    <section className="card report" aria-labelledby={headingId} aria-busy={report.loading}>
      <div className="report-head">
        <h2 id={headingId}>{title}</h2>
        <DownloadCsvButton report={name} query={query} />
      </div>
      <p className="muted">{definition.summary}</p>
      {definition.groupings.length > 0 && (
        <div className="field report-grouping">
          <label htmlFor={`${headingId}-group-by`}>Group by</label>
          <select
            id={`${headingId}-group-by`}
            value={groupBy ?? ''}
            onChange={(event) =>
              onGroupBy(
                definition.groupings.find((grouping) => grouping.dimension === event.target.value)
                  ?.dimension,
              )
            }
          >
            <option value="">Discharge year only</option>
            {definition.groupings.map((grouping) => (
              <option key={grouping.dimension} value={grouping.dimension}>
                {grouping.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {report.problem && <ProblemView problem={report.problem} />}
      {table && chart && table.rows.length > 0 ? (
        <>
          <BarChartView
            data={chart.data}
            categoryKey="category"
            horizontal
            allowDecimals
            unit={chart.unit}
            max={chart.max}
            series={chart.series.map((series, index) => ({
              ...series,
              color: COLORS[index % COLORS.length] ?? 'currentColor',
            }))}
          />
          <DataTable<ReportTableRow>
            caption={title}
            rows={table.rows}
            rowKey={(row) => row.key}
            columns={table.columns.map((column, index) => ({
              header: column.header,
              numeric: column.numeric,
              cell: (row) => row.cells[index],
            }))}
          />
        </>
      ) : (
        answer && (
          <p className="empty">
            {dischargeYear === undefined
              ? 'No episode has reached this report yet.'
              : `No episode discharged in ${dischargeYear} has reached this report yet.`}
          </p>
        )
      )}
      {!answer && report.loading && <p className="muted">Loading…</p>}
    </section>
  );
}
