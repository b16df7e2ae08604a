import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { homeOf, type ConsoleAccess } from '../auth/console-access';

/**
 * A page of one part of the console, shown when the token's roles may use it. Otherwise the
 * start page sends the user to their own start, and any other page says it is not theirs
 * instead of showing the api's refusal.
 */
export function RequireAccess({
  part,
  start = false,
  children,
}: {
  part: keyof ConsoleAccess;
  /** The console's start page: a user it is not for goes to theirs. */
  start?: boolean;
  children: ReactNode;
}) {
  const { access, claims } = useAuth();
  if (access[part]) return children;
  const home = homeOf(access);
  if (start && home) return <Navigate to={home.path} replace />;
  const roles = claims?.roles.join(', ') || 'none';
  return (
    <>
      <title>Not available · Care transitions console</title>
      <h1>Not available to your roles</h1>
      <p>
        {part === 'operations'
          ? 'The operations pages are for the ops and admin roles.'
          : 'The reports are for the analyst and admin roles.'}{' '}
        Your token&apos;s roles: {roles}.
      </p>
      {home ? (
        <p>
          <Link to={home.path}>Go to {home.name}</Link>.
        </p>
      ) : (
        <p>The console has no page for these roles: sign out and sign in with another token.</p>
      )}
    </>
  );
}
