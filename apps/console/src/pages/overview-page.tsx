import { useCallback } from 'react';
import type { OpsOverview } from '../api/contract';
import { useApi } from '../auth/auth-context';
import { BarChartView } from '../components/bar-chart-view';
import { DataTable } from '../components/data-table';
import { ProblemView } from '../components/problem-view';
import { careEpisodeStages, isTerminalStage, stuckReasons } from '../domain';
import { formatDateTime, formatHours, formatShare } from '../format/date-time';
import { stageLabel, stuckReasonLabel } from '../format/labels';
import { useCoalescedCallback } from '../hooks/use-coalesced-callback';
import { useResource } from '../hooks/use-resource';
import { ComplianceSection } from '../overview/compliance-section';
import { IntakeSection } from '../overview/intake-section';
import { stageFunnel } from '../overview/stage-funnel';
import { useStreamNotices } from '../stream/ops-stream-context';

const COLORS = { primary: '#2456a6', secondary: '#c2571a' };

export function OverviewPage() {
  const api = useApi();
  const overview = useResource(useCallback((signal: AbortSignal) => api.overview(signal), [api]));
  // Counts move with every change: once a second at most is plenty for a glance.
  useStreamNotices(useCoalescedCallback(overview.reload, 1_000));
  return (
    <>
      <title>Overview · Care transitions console</title>
      <h1>Overview</h1>
      {overview.problem && <ProblemView problem={overview.problem} />}
      {overview.data ? (
        <OverviewSections overview={overview.data} reload={overview.reload} />
      ) : (
        overview.loading && <p className="muted">Loading…</p>
      )}
    </>
  );
}

function OverviewSections({ overview, reload }: { overview: OpsOverview; reload: () => void }) {
  const byStage = careEpisodeStages.map((stage) => ({
    stage: stageLabel(stage),
    episodes: overview.byStage[stage],
  }));
  const byReason = stuckReasons.map((reason) => ({
    reason: stuckReasonLabel(reason),
    episodes: overview.stuckByReason[reason],
  }));
  const funnel = stageFunnel(overview.byStage).map((step) => ({
    ...step,
    label: stageLabel(step.stage),
  }));
  const times = careEpisodeStages
    .filter((stage) => !isTerminalStage(stage))
    .map((stage) => ({
      stage: stageLabel(stage),
      episodes: overview.timeInStage[stage]?.episodes ?? 0,
      p50: overview.timeInStage[stage]?.p50Hours ?? 0,
      p90: overview.timeInStage[stage]?.p90Hours ?? 0,
    }));
  // A stage no open episode is in has no time to tell.
  const hoursIn = (row: (typeof times)[number], hours: number) =>
    row.episodes > 0 ? formatHours(hours) : '—';
  return (
    <>
      <dl className="key-figures">
        <div>
          <dt>Open episodes</dt>
          <dd>{overview.openEpisodes}</dd>
        </div>
        <div>
          <dt>With an overdue deadline</dt>
          <dd>{overview.overdueEpisodes}</dd>
        </div>
        <div>
          <dt>As of</dt>
          <dd>
            <time dateTime={overview.at}>{formatDateTime(overview.at)}</time>
          </dd>
        </div>
      </dl>
      <div className="card-grid">
        <section className="card" aria-labelledby="by-stage">
          <h2 id="by-stage">Episodes by stage</h2>
          <BarChartView
            data={byStage}
            categoryKey="stage"
            horizontal
            series={[{ key: 'episodes', name: 'Episodes', color: COLORS.primary }]}
          />
          <DataTable
            caption="Episodes by stage"
            rows={byStage}
            rowKey={(row) => row.stage}
            columns={[
              { header: 'Stage', cell: (row) => row.stage },
              { header: 'Episodes', numeric: true, cell: (row) => row.episodes },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="by-reason">
          <h2 id="by-reason">Stuck by reason</h2>
          <BarChartView
            data={byReason}
            categoryKey="reason"
            horizontal
            series={[{ key: 'episodes', name: 'Stuck episodes', color: COLORS.secondary }]}
          />
          <DataTable
            caption="Stuck episodes by reason"
            rows={byReason}
            rowKey={(row) => row.reason}
            columns={[
              { header: 'Reason', cell: (row) => row.reason },
              { header: 'Stuck episodes', numeric: true, cell: (row) => row.episodes },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="compliance">
          <h2 id="compliance">TCM compliance today</h2>
          {overview.complianceToday ? (
            <ComplianceSection compliance={overview.complianceToday} />
          ) : (
            <p className="muted">The api does not report compliance yet.</p>
          )}
        </section>
        <section className="card" aria-labelledby="funnel">
          <h2 id="funnel">Stage funnel</h2>
          <p className="muted">Episodes at or past each stage; cancelled ones are left out.</p>
          <BarChartView
            data={funnel}
            categoryKey="label"
            horizontal
            series={[{ key: 'reached', name: 'At or past the stage', color: COLORS.primary }]}
          />
          <DataTable
            caption="Episodes at or past each stage"
            rows={funnel}
            rowKey={(row) => row.stage}
            columns={[
              { header: 'Stage', cell: (row) => row.label },
              { header: 'At or past', numeric: true, cell: (row) => row.reached },
              { header: 'Of intake', numeric: true, cell: (row) => formatShare(row.share) },
            ]}
          />
        </section>
        {/* Wide, so it follows the funnel: right after compliance it would leave a hole in the grid. */}
        <section className="card card-wide" aria-labelledby="feed-messages">
          <h2 id="feed-messages">Feed messages</h2>
          <IntakeSection intake={overview.intake} onRetried={reload} />
        </section>
        <section className="card card-wide" aria-labelledby="time-in-stage">
          <h2 id="time-in-stage">Time in stage</h2>
          <p className="muted">How long open episodes have been in their current stage.</p>
          <BarChartView
            data={times}
            categoryKey="stage"
            allowDecimals
            unit=" h"
            series={[
              { key: 'p50', name: 'Median (p50)', color: COLORS.primary },
              { key: 'p90', name: '90th percentile (p90)', color: COLORS.secondary },
            ]}
          />
          <DataTable
            caption="Hours in the current stage"
            rows={times}
            rowKey={(row) => row.stage}
            columns={[
              { header: 'Stage', cell: (row) => row.stage },
              { header: 'Open episodes', numeric: true, cell: (row) => row.episodes },
              { header: 'p50', numeric: true, cell: (row) => hoursIn(row, row.p50) },
              { header: 'p90', numeric: true, cell: (row) => hoursIn(row, row.p90) },
            ]}
          />
        </section>
      </div>
    </>
  );
}
