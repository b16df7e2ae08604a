/**
 * Compile-time check, run by `npm run typecheck`: the console keeps its own copy of the api's
 * answers (it cannot import Nest code), and each answer the api sends must fit what the
 * console reads. A field renamed, retyped or dropped on either side fails the type-check here.
 */
import type { EpisodeChange } from '../../api/src/ops/episode-changes.service';
import type { EpisodeView } from '../../api/src/episodes/episode-view';
import type { EpisodeWorkflowView } from '../../api/src/ops-actions/episode-workflow-view';
import type { IntakeProblem } from '../../api/src/intake/intake-problem';
import type { IntakeRetryResult } from '../../api/src/ops-intake/retry-intake-message.use-case';
import type { OpsOverview } from '../../api/src/ops/ops-overview';
import type { Report } from '../../api/src/reports/report';
import type { StuckEpisodeItem } from '../../api/src/ops/stuck-episode-item';
import type { TimelineEntry } from '../../api/src/episodes/timeline-entry';
import type { EpisodeUpdateOutcome } from '../../../workflows/src/care-episode.messages';
import type { Page, Problem } from '@care/platform';
import type * as Console from '../src/api/contract';

/** `true` when what the api sends can be read as what the console expects. */
type Fits<Sent, Read> = [Sent] extends [Read] ? true : never;

export const problem: Fits<Problem, Console.Problem> = true;
export const stuckQueue: Fits<
  Page<StuckEpisodeItem>,
  Console.Page<Console.StuckEpisodeItem>
> = true;
export const overview: Fits<OpsOverview, Console.OpsOverview> = true;
export const episode: Fits<EpisodeView, Console.EpisodeView> = true;
export const timeline: Fits<Page<TimelineEntry>, Console.Page<Console.TimelineEntry>> = true;
export const workflow: Fits<EpisodeWorkflowView, Console.WorkflowStatus> = true;
export const action: Fits<EpisodeUpdateOutcome, Console.ActionResult> = true;
export const change: Fits<EpisodeChange, Console.EpisodeChange> = true;
export const report: Fits<Report, Console.ReportDocument> = true;
export const intakeProblems: Fits<Page<IntakeProblem>, Console.Page<Console.IntakeProblem>> = true;
export const intakeRetry: Fits<IntakeRetryResult, Console.IntakeRetryResult> = true;
