import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../auth/auth-context';
import { groupingOf, reportCatalog } from '../reports/report-catalog';
import { dischargeYears, parseDischargeYear } from '../reports/report-params';
import { ReportSection } from '../reports/report-section';
import { useSetSearchParam } from '../hooks/use-set-search-param';
import { useResource } from '../hooks/use-resource';

/**
 * The analysts' reports of the tenant, for one discharge year or all. The year and each
 * report's grouping are kept in the URL (`?year=2026&readmissions=week`).
 */
export function ReportsPage() {
  const api = useApi();
  const [params] = useSearchParams();
  const dischargeYear = parseDischargeYear(params.get('year'));
  // Every episode counts in TCM compliance, open and cancelled ones too: its rows name every year.
  const everyYear = useResource(
    useCallback((signal: AbortSignal) => api.report('tcm-compliance', {}, signal), [api]),
  );
  const years = dischargeYears(everyYear.data, dischargeYear);

  const setParam = useSetSearchParam();

  return (
    <>
      <title>Reports · Care transitions console</title>
      <h1>Reports</h1>
      <p className="muted">
        Built from the de-identified analytics stream, a moment behind the episodes.
      </p>
      <p>
        Weeks are weeks of the service period counted from the discharge (days 0–6 are week 1), not
        calendar weeks: the de-identified stream has no calendar dates.
      </p>
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="discharge-year">Discharge year</label>
          <select
            id="discharge-year"
            value={dischargeYear ?? ''}
            onChange={(event) => setParam('year', event.target.value)}
          >
            <option value="">All years</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div className="report-list">
        {reportCatalog.map((definition) => (
          <ReportSection
            key={definition.name}
            definition={definition}
            dischargeYear={dischargeYear}
            groupBy={groupingOf(definition, params.get(definition.name))?.dimension}
            onGroupBy={(groupBy) => setParam(definition.name, groupBy)}
          />
        ))}
      </div>
    </>
  );
}
