import type {
  ActionResult,
  EpisodeView,
  IntakeProblem,
  IntakeRetryResult,
  OpsOverview,
  Page,
  Problem,
  ReportDocument,
  StuckEpisodeItem,
  TimelineEntry,
  WorkflowStatus,
} from './contract';
import { createHttpClient, withQuery } from './http-client';
import type { CareEpisodeStage, StuckReason } from '../domain';
import type { Dimension, ReportName } from '../reports/report-catalog';

export interface StuckQuery {
  reason?: StuckReason;
  stage?: CareEpisodeStage;
  limit?: number;
  cursor?: string;
}

export interface IntakeQuery {
  status?: IntakeProblem['status'];
  limit?: number;
  cursor?: string;
}

export interface ReportQuery {
  dischargeYear?: number;
  groupBy?: Dimension;
}

/** The api routes the console reads and acts through. */
export function createConsoleApi(token: string, onUnauthorized: (problem: Problem) => void) {
  const http = createHttpClient(token, onUnauthorized);
  const episode = (episodeId: string) => `/v1/episodes/${encodeURIComponent(episodeId)}`;
  const opsEpisode = (episodeId: string) => `/v1/ops/episodes/${encodeURIComponent(episodeId)}`;
  return {
    overview: (signal?: AbortSignal) => http.get<OpsOverview>('/v1/ops/overview', signal),
    stuck: (query: StuckQuery, signal?: AbortSignal) =>
      http.get<Page<StuckEpisodeItem>>(withQuery('/v1/ops/stuck', { ...query }), signal),
    episode: (episodeId: string, signal?: AbortSignal) =>
      http.get<EpisodeView>(episode(episodeId), signal),
    timeline: (episodeId: string, query: { cursor?: string; limit?: number }) =>
      http.get<Page<TimelineEntry>>(withQuery(`${episode(episodeId)}/timeline`, query)),
    workflow: (episodeId: string, signal?: AbortSignal) =>
      http.get<WorkflowStatus>(`${opsEpisode(episodeId)}/workflow`, signal),
    escalate: (episodeId: string, reason: string) =>
      http.post<ActionResult>(`${opsEpisode(episodeId)}/escalate`, { reason }),
    retry: (episodeId: string, reason: string) =>
      http.post<ActionResult>(`${opsEpisode(episodeId)}/retry`, { reason }),
    cancel: (episodeId: string, reason: string) =>
      http.post<ActionResult>(`${opsEpisode(episodeId)}/cancel`, { reason }),
    reassign: (episodeId: string, handoffId: string, to: string, reason: string) =>
      http.post<ActionResult>(
        `${opsEpisode(episodeId)}/handoffs/${encodeURIComponent(handoffId)}/reassign`,
        { to, reason },
      ),
    intakeProblems: (query: IntakeQuery, signal?: AbortSignal) =>
      http.get<Page<IntakeProblem>>(withQuery('/v1/ops/intake', { ...query }), signal),
    retryIntake: (position: string, reason: string) =>
      http.post<IntakeRetryResult>(`/v1/ops/intake/${encodeURIComponent(position)}/retry`, {
        reason,
      }),
    report: (name: ReportName, query: ReportQuery, signal?: AbortSignal) =>
      http.get<ReportDocument>(withQuery(`/v1/reports/${name}`, { ...query }), signal),
    reportCsv: (name: ReportName, query: ReportQuery) =>
      http.download(withQuery(`/v1/reports/${name}`, { ...query, format: 'csv' }), 'text/csv'),
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
