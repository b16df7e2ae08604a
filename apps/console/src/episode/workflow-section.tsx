import { useId } from 'react';
import type { WorkflowStatus } from '../api/contract';
import { ProblemView } from '../components/problem-view';
import { formatDateTime } from '../format/date-time';
import { humanize, stuckReasonLabel } from '../format/labels';
import type { Resource } from '../hooks/use-resource';

/** The episode's workflow as Temporal runs it, with the way into the Temporal UI. */
export function WorkflowSection({ workflow }: { workflow: Resource<WorkflowStatus> }) {
  const newTab = useId();
  const status = workflow.data;
  return (
    <section aria-labelledby="workflow">
      <h2 id="workflow">Workflow</h2>
      {workflow.problem && <ProblemView problem={workflow.problem} />}
      {status ? (
        <>
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd>{humanize(status.status.toLowerCase())}</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>
                <time dateTime={status.startTime}>{formatDateTime(status.startTime)}</time>
              </dd>
            </div>
            <div>
              <dt>History length</dt>
              <dd>{status.historyLength} events</dd>
            </div>
            <div>
              <dt>Stuck, as the workflow sees it</dt>
              <dd>
                {status.stuckReasons.length > 0
                  ? status.stuckReasons.map(stuckReasonLabel).join(', ')
                  : 'No'}
              </dd>
            </div>
            <div className="wide">
              <dt>Workflow ID</dt>
              <dd className="episode-id">{status.workflowId}</dd>
            </div>
            <div className="wide">
              <dt>Run ID</dt>
              <dd className="episode-id">{status.runId}</dd>
            </div>
          </dl>
          <p>
            <a
              href={status.temporalUiUrl}
              target="_blank"
              rel="noreferrer"
              aria-describedby={newTab}
            >
              Open in Temporal UI
            </a>{' '}
            <span id={newTab} className="muted">
              (opens in a new tab)
            </span>
          </p>
        </>
      ) : (
        workflow.loading && <p className="muted">Loading…</p>
      )}
    </section>
  );
}
