import { describe, expect, it } from '@jest/globals';
import type { IntakeProblem } from '../api/contract';
import {
  appendPage,
  canRetryNow,
  describeFeedMessage,
  hasIntakeProblems,
  intakeStatusLabel,
  reloadLimit,
  retryCopy,
} from './intake-problems';

const failing: IntakeProblem = {
  position: '1042',
  status: 'failing',
  kind: 'discharge',
  encounterId: 'E-1001',
  patientRef: 'Patient/4b0e6f2a-5b8e-4d7c-9a51-2f1f6a1c9e10',
  receivedAt: '2026-03-02T08:15:00Z',
  attempts: 4,
  lastError: 'episode store unavailable',
  nextAttemptAt: '2026-03-02T09:15:00Z',
};

const refused: IntakeProblem = {
  position: '1043',
  status: 'refused',
  kind: 'admission-cancelled',
  encounterId: 'E-1002',
  patientRef: 'Patient/0c7d1e55-8f7a-4a0b-b3f4-6d5e2c1a9b87',
  receivedAt: '2026-03-02T08:20:00Z',
  attempts: 1,
  lastError: 'no admission to cancel',
};

describe('intake problems', () => {
  it('shows the list only when something is failing or refused', () => {
    expect(hasIntakeProblems({ pending: 12, failing: 0, refused: 0 })).toBe(false);
    expect(hasIntakeProblems({ pending: 3, failing: 1, refused: 0 })).toBe(true);
    expect(hasIntakeProblems({ pending: 0, failing: 0, refused: 2 })).toBe(true);
  });

  it('retries failing messages only, never refused ones', () => {
    expect(canRetryNow(failing)).toBe(true);
    expect(canRetryNow(refused)).toBe(false);
  });

  it('names the status and describes the message by kind and encounter', () => {
    expect(intakeStatusLabel('failing')).toBe('Failing');
    expect(intakeStatusLabel('refused')).toBe('Refused');
    expect(describeFeedMessage(failing)).toBe('Discharge of encounter E-1001');
    expect(describeFeedMessage(refused)).toBe('Admission cancelled of encounter E-1002');
  });

  it('words the retry dialog and its outcome with the message position', () => {
    expect(retryCopy(failing)).toEqual({
      title: 'Retry feed message',
      explains:
        'Tries message 1042 (Discharge of encounter E-1001) now, instead of at its next backoff.',
      done: 'Feed message 1042 will be tried now.',
    });
  });

  it('reloads as many as are shown, at least a page and at most what the api allows', () => {
    expect(reloadLimit(0)).toBe(50);
    expect(reloadLimit(120)).toBe(120);
    expect(reloadLimit(450)).toBe(200);
  });

  it('appends the next page, leaving out messages shown already', () => {
    const shown = { items: [failing], nextCursor: 'c1' };
    expect(appendPage(shown, { items: [failing, refused], nextCursor: 'c2' })).toEqual({
      items: [failing, refused],
      nextCursor: 'c2',
    });
    expect(appendPage(shown, { items: [refused] })).toEqual({ items: [failing, refused] });
  });
});
