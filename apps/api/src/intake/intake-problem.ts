import type { EpisodeAction } from './episode-action';

/** Failed attempts after which a queued message shows as failing to operations. */
export const FAILING_AFTER_ATTEMPTS = 3;

/** The SQL condition on an `intake_queue` row that makes it failing. */
export const IS_FAILING = `status = 'pending' AND attempts >= ${FAILING_AFTER_ATTEMPTS}`;

export const intakeProblemStatuses = ['failing', 'refused'] as const;
export type IntakeProblemStatus = (typeof intakeProblemStatuses)[number];

/**
 * A feed message that was acknowledged but has not reached its episode: one that keeps failing
 * (retried with backoff, and holding back the patient's later messages) or one the episode
 * rules refused (never retried).
 */
export interface IntakeProblem {
  /** The message's place in the queue, its id. */
  position: string;
  status: IntakeProblemStatus;
  kind: EpisodeAction['kind'];
  encounterId: string;
  patientRef: string;
  receivedAt: string;
  attempts: number;
  /** Why it failed last, or why the rules refused it. */
  lastError?: string;
  /** Failing ones: when the dispatcher tries again. */
  nextAttemptAt?: string;
}

/** Queued messages of a tenant by where they stand; `pending` includes `failing`. */
export interface IntakeCounts {
  pending: number;
  failing: number;
  refused: number;
}
