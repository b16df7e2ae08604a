import { useState, type FormEvent } from 'react';
import { problemFromError } from '../api/api-problem';
import { createConsoleApi } from '../api/console-api';
import type { Problem } from '../api/contract';
import { useAuth } from '../auth/auth-context';
import { ProblemView } from '../components/problem-view';

const ignore = () => undefined;

/** Takes a bearer token and keeps it once the api accepts it for the operations overview. */
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
    setBusy(true);
    try {
      await createConsoleApi(candidate, ignore).overview();
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
            A bearer token with the ops or admin role. It is kept in this tab only, until you sign
            out or close it.
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
