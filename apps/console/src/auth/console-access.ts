/** What a user may open in the console, by the roles of their token. */
export interface ConsoleAccess {
  /** Overview, stuck queue, episodes and the live stream: roles ops and admin. */
  operations: boolean;
  /** The analysts' reports: roles analyst and admin. */
  reports: boolean;
}

export const NO_ACCESS: ConsoleAccess = { operations: false, reports: false };

export function consoleAccess(roles: readonly string[]): ConsoleAccess {
  const admin = roles.includes('admin');
  return {
    operations: admin || roles.includes('ops'),
    reports: admin || roles.includes('analyst'),
  };
}

export interface Home {
  path: '/' | '/reports';
  name: string;
}

/** Where a user starts: the overview for operations, the reports for an analyst. */
export function homeOf(access: ConsoleAccess): Home | undefined {
  if (access.operations) return { path: '/', name: 'the overview' };
  if (access.reports) return { path: '/reports', name: 'the reports' };
  return undefined;
}

/**
 * Which part of the api a new token is tried on before it is kept: one its roles may read. When
 * the roles cannot be read, the operations overview, whose refusal says what is wrong; none
 * when they can and the console has nothing for them.
 */
export function signInCheck(roles: readonly string[] | undefined): keyof ConsoleAccess | undefined {
  if (roles === undefined) return 'operations';
  const access = consoleAccess(roles);
  if (access.operations) return 'operations';
  return access.reports ? 'reports' : undefined;
}
