import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { SignInPage } from '../pages/sign-in-page';
import { OpsStreamProvider } from '../stream/ops-stream-context';
import { LiveStatus } from './live-status';

/**
 * The console's frame: sign-in until there is a token, then the header and the page. The
 * header links only the pages the token's roles may read, and only operations staff hear the
 * live stream.
 */
export function AppLayout() {
  const { token, claims, access, signOut } = useAuth();
  if (!token) return <SignInPage />;
  return (
    <OpsStreamProvider token={token} follow={access.operations}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">Care transitions console</span>
        <nav aria-label="Console">
          <ul>
            {access.operations && (
              <>
                <li>
                  <NavLink to="/" end>
                    Overview
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/stuck">Stuck queue</NavLink>
                </li>
              </>
            )}
            {access.reports && (
              <li>
                <NavLink to="/reports">Reports</NavLink>
              </li>
            )}
          </ul>
        </nav>
        {access.operations && <LiveStatus />}
        {claims && (
          <p className="signed-in-as">
            {claims.subject} <span className="muted">({claims.tenant})</span>
          </p>
        )}
        <button type="button" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </OpsStreamProvider>
  );
}
