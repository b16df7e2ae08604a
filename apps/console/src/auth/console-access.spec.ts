import { describe, expect, it } from '@jest/globals';
import { consoleAccess, homeOf, NO_ACCESS, signInCheck } from './console-access';

describe('console access by role', () => {
  it('opens operations to ops, reports to analysts, and both to admins', () => {
    expect(consoleAccess(['ops'])).toEqual({ operations: true, reports: false });
    expect(consoleAccess(['analyst'])).toEqual({ operations: false, reports: true });
    expect(consoleAccess(['admin'])).toEqual({ operations: true, reports: true });
    expect(consoleAccess(['ops', 'analyst'])).toEqual({ operations: true, reports: true });
  });

  it('opens nothing to the roles of the care team and the feeds', () => {
    expect(consoleAccess(['coordinator', 'integration'])).toEqual(NO_ACCESS);
    expect(consoleAccess([])).toEqual(NO_ACCESS);
  });

  it('starts operations on the overview and analysts on the reports', () => {
    expect(homeOf(consoleAccess(['ops']))?.path).toBe('/');
    expect(homeOf(consoleAccess(['admin']))?.path).toBe('/');
    expect(homeOf(consoleAccess(['analyst']))).toEqual({ path: '/reports', name: 'the reports' });
    expect(homeOf(NO_ACCESS)).toBeUndefined();
  });

  it('checks a new token on a route its roles may read', () => {
    expect(signInCheck(['ops'])).toBe('operations');
    expect(signInCheck(['admin'])).toBe('operations');
    expect(signInCheck(['analyst'])).toBe('reports');
    expect(signInCheck(['coordinator'])).toBeUndefined();
  });

  it('leaves a token whose roles cannot be read for the api to refuse', () => {
    expect(signInCheck(undefined)).toBe('operations');
  });
});
