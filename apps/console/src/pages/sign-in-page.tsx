import { useState, type FormEvent } from 'react';
import { problemFromError } from '../api/api-problem';
import { createConsoleApi } from '../api/console-api';
import type { Problem } from '../api/contract';
import { useAuth } from '../auth/auth-context';
import { signInCheck } from '../auth/console-access';
import { readTokenClaims } from '../auth/token-claims';
import { ProblemView } from '../components/problem-view';

const ignore = () => undefined;

/**
 * Takes a bearer token and keeps it once the api accepts it for a page its roles may read: the
 * operations overview, or the reports of an analyst.
 */
export function SignInPage() {
  const { signIn, endedBy } = useAuth();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(endedBy);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const candidate = token.trim();
    if (busy) return;
    if (candidate === '') {
      setProblem({ type: 'about:blank', title: 'An access token is required', status: 0 });
      return;
    }
    const roles = readTokenClaims(candidate)?.roles;
    const check = signInCheck(roles);
    if (check === undefined) {
      setProblem({
        type: 'about:blank',
        title: 'This token has no role the console serves',
        status: 0,
        detail: `The console is for the ops, analyst and admin roles; the token's roles: ${roles?.join(', ') || 'none'}.`,
      });
      return;
    }
    setBusy(true);
    try {
      const api = createConsoleApi(candidate, ignore);
      await (check === 'operations' ? api.overview() : api.report('tcm-compliance', {}));
      signIn(candidate);
    } catch (error) {
      setProblem(problemFromError(error));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <title>Sign in · Care transitions console</title>
      <h1>Care transitions console</h1>
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <div className="field">
          <label htmlFor="access-token">Access token</label>
          <textarea
            id="access-token"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            rows={5}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="access-token-hint"
          />
          <p id="access-token-hint" className="hint">
            A bearer token with the ops, analyst or admin role. It is kept in this tab only, until
            you sign out or close it.
          </p>
        </div>
        {problem && <ProblemView problem={problem} alert />}
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          Sign in
        </button>
      </form>
    </main>
  );
}
