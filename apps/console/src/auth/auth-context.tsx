import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { createConsoleApi, type ConsoleApi } from '../api/console-api';
import type { Problem } from '../api/contract';
import { consoleAccess, NO_ACCESS, type ConsoleAccess } from './console-access';
import { readTokenClaims, type TokenClaims } from './token-claims';
import { forgetToken, storedToken, storeToken } from './token-storage';

interface Session {
  token?: string;
  /** Why the last session ended, when the api ended it. */
  endedBy?: Problem;
}

interface Auth extends Session {
  api?: ConsoleApi;
  /** Who the token says it is, for display: the api checks the token on every request. */
  claims?: TokenClaims;
  /** The parts of the console the token's roles may use (the api enforces them). */
  access: ConsoleAccess;
  signIn: (token: string) => void;
  signOut: (endedBy?: Problem) => void;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(() => {
    const token = storedToken();
    return token ? { token } : {};
  });
  const signIn = useCallback((token: string) => {
    storeToken(token);
    setSession({ token });
  }, []);
  const signOut = useCallback((endedBy?: Problem) => {
    forgetToken();
    setSession(endedBy ? { endedBy } : {});
  }, []);
  const auth = useMemo<Auth>(() => {
    const claims = session.token ? readTokenClaims(session.token) : undefined;
    return {
      ...session,
      ...(session.token ? { api: createConsoleApi(session.token, signOut) } : {}),
      ...(claims ? { claims } : {}),
      access: claims ? consoleAccess(claims.roles) : NO_ACCESS,
      signIn,
      signOut,
    };
  }, [session, signIn, signOut]);
  return <AuthContext value={auth}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const auth = use(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider above it');
  return auth;
}

/** The api of the signed-in user: only pages behind the sign-in use it. */
export function useApi(): ConsoleApi {
  const { api } = useAuth();
  if (!api) throw new Error('useApi needs a signed-in user');
  return api;
}
