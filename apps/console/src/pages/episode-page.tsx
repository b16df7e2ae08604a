import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../auth/auth-context';
import { ActionDialog } from '../components/action-dialog';
import { OutcomeNotice, type Outcome } from '../components/outcome-notice';
import { ProblemView } from '../components/problem-view';
import { isTerminalStage } from '../domain';
import { DeadlinesSection } from '../episode/deadlines-section';
import { actionCopy, runAction, type EpisodeAction } from '../episode/episode-action';
import { EpisodeFacts } from '../episode/episode-facts';
import { HandoffsSection } from '../episode/handoffs-section';
import { TimelineSection } from '../episode/timeline-section';
import { WorkflowSection } from '../episode/workflow-section';
import { useCoalescedCallback } from '../hooks/use-coalesced-callback';
import { useResource } from '../hooks/use-resource';
import { useStreamNotices } from '../stream/ops-stream-context';

export function EpisodePage() {
  const { episodeId = '' } = useParams();
  // A page of its own for each episode: nothing of the previous one shows while the next loads.
  return <EpisodeDetails key={episodeId} episodeId={episodeId} />;
}

function EpisodeDetails({ episodeId }: { episodeId: string }) {
  const api = useApi();
  const episode = useResource(
    useCallback((signal: AbortSignal) => api.episode(episodeId, signal), [api, episodeId]),
  );
  const workflow = useResource(
    useCallback((signal: AbortSignal) => api.workflow(episodeId, signal), [api, episodeId]),
  );
  const [action, setAction] = useState<EpisodeAction>();
  const [outcome, setOutcome] = useState<Outcome>();
  const { reload: reloadEpisode } = episode;
  const { reload: reloadWorkflow } = workflow;
  const reload = useCallback(() => {
    reloadEpisode();
    reloadWorkflow();
  }, [reloadEpisode, reloadWorkflow]);
  const reloadSoon = useCoalescedCallback(reload, 300);
  useStreamNotices((notice) => {
    if (notice.kind === 'resync' || notice.change.episodeId === episodeId) reloadSoon();
  });

  const open = (next: EpisodeAction) => {
    setOutcome(undefined);
    setAction(next);
  };
  const view = episode.data;
  const canAct = view !== undefined && !isTerminalStage(view.stage);

  return (
    <>
      <title>{`Episode ${episodeId} · Care transitions console`}</title>
      <h1>{`Episode ${episodeId}`}</h1>
      {episode.problem && <ProblemView problem={episode.problem} />}
      {outcome && <OutcomeNotice outcome={outcome} />}
      {view ? (
        <>
          <EpisodeFacts episode={view} />
          {canAct ? (
            <div className="toolbar" role="group" aria-label="Episode actions">
              <button type="button" onClick={() => open({ kind: 'escalate' })}>
                Escalate
              </button>
              <button type="button" onClick={() => open({ kind: 'retry' })}>
                Retry failing step
              </button>
              <button type="button" className="danger" onClick={() => open({ kind: 'cancel' })}>
                Cancel episode
              </button>
            </div>
          ) : (
            <p className="muted">The episode has ended: there is nothing left to act on.</p>
          )}
          <div className="episode-grid">
            <DeadlinesSection deadlines={view.deadlines} />
            <WorkflowSection workflow={workflow} />
          </div>
          <HandoffsSection
            handoffs={view.handoffs}
            canAct={canAct}
            onReassign={(handoff) => open({ kind: 'reassign', handoff })}
          />
          <TimelineSection episodeId={episodeId} firstPage={view.timeline} />
        </>
      ) : (
        episode.loading && <p className="muted">Loading…</p>
      )}
      {action && (
        <ActionDialog
          title={actionCopy(action).title}
          askAssignee={action.kind === 'reassign'}
          onClose={() => setAction(undefined)}
          onConfirm={async (input) => {
            const result = await runAction(api, episodeId, action, input);
            const done = actionCopy(action).done(input);
            setOutcome({
              message: result.recorded ? done : `${done} It had already been recorded.`,
            });
            setAction(undefined);
            reload();
          }}
        >
          <p>{actionCopy(action).explains}</p>
        </ActionDialog>
      )}
    </>
  );
}
