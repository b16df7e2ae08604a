import type { Problem } from '../api/contract';

/**
 * A problem's title and detail, and its field errors. `alert` announces it: for the answer to
 * something the user just did, not for a page that failed to load.
 */
export function ProblemView({ problem, alert = false }: { problem: Problem; alert?: boolean }) {
  return (
    <div className="notice notice-problem" role={alert ? 'alert' : undefined}>
      <p className="notice-title">{problem.title}</p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((error) => (
            <li key={`${error.field}:${error.message}`}>
              <code>{error.field}</code> {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
