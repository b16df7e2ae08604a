import { useState } from 'react';
import type { IntakeProblem, OpsOverview } from '../api/contract';
import { useApi } from '../auth/auth-context';
import { ActionDialog } from '../components/action-dialog';
import { OutcomeNotice, type Outcome } from '../components/outcome-notice';
import { hasIntakeProblems, retryCopy } from './intake-problems';
import { IntakeProblemsTable } from './intake-problems-table';

/**
 * Feed messages acknowledged to the hospital and not yet applied: how many wait, fail or were
 * refused, the failing and refused ones listed, and "Retry now" for a failing one.
 * `onRetried` reloads the overview's counts.
 */
export function IntakeSection({
  intake,
  onRetried,
}: {
  intake: OpsOverview['intake'];
  onRetried: () => void;
}) {
  const api = useApi();
  const [retrying, setRetrying] = useState<IntakeProblem>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [retries, setRetries] = useState(0);
  const copy = retrying && retryCopy(retrying);

  const open = (problem: IntakeProblem) => {
    setOutcome(undefined);
    setRetrying(problem);
  };

  return (
    <>
      <dl className="key-figures">
        <div>
          <dt>Waiting</dt>
          <dd>{intake.pending}</dd>
        </div>
        <div>
          <dt>Failing</dt>
          <dd>{intake.failing}</dd>
        </div>
        <div>
          <dt>Refused by the rules</dt>
          <dd>{intake.refused}</dd>
        </div>
      </dl>
      <p className="muted">
        Waiting counts the failing ones too: those with 3 or more failed attempts, tried again with
        backoff. Refused ones are never tried again.
      </p>
      {outcome && <OutcomeNotice outcome={outcome} />}
      {hasIntakeProblems(intake) ? (
        <IntakeProblemsTable
          refreshKey={`${intake.failing}/${intake.refused}/${retries}`}
          onRetry={open}
        />
      ) : (
        <p className="empty">No feed message is failing or refused.</p>
      )}
      {retrying && copy && (
        <ActionDialog
          title={copy.title}
          recordedIn="the audit log"
          onClose={() => setRetrying(undefined)}
          onConfirm={async ({ reason }) => {
            await api.retryIntake(retrying.position, reason);
            setOutcome({ message: copy.done });
            setRetrying(undefined);
            setRetries((count) => count + 1);
            onRetried();
          }}
        >
          <p>{copy.explains}</p>
        </ActionDialog>
      )}
    </>
  );
}
