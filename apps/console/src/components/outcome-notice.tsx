import type { Problem } from '../api/contract';
import { ProblemView } from './problem-view';

/**
 * What came of an action: the problem when the api refused it, otherwise a sentence, with the
 * particulars (a warning when some of a bulk action was refused).
 */
export type Outcome =
  { problem: Problem } | { message: string; details?: string[]; warning?: boolean };

export function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  if ('problem' in outcome) return <ProblemView problem={outcome.problem} alert />;
  return (
    <div className={`notice ${outcome.warning ? 'notice-problem' : 'notice-success'}`} role="alert">
      <p className="notice-title">{outcome.message}</p>
      {outcome.details && outcome.details.length > 0 && (
        <ul>
          {outcome.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
