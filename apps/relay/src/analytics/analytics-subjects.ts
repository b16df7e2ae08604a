import type { AnalyticsKeys } from '@care/analytics';
import type { SqlExecutor } from '@care/event-store';

/** An episode whose analytics events are about to be published. */
export interface SubjectRequest {
  tenantId: string;
  episodeId: string;
  patientRef: string;
  /** The local date of the discharge in the episode's zone (YYYY-MM-DD). */
  dischargedOn: string;
}

/** What the publisher may know of an episode's patient: random keys and a capped age. */
export interface AnalyticsSubject {
  keys: AnalyticsKeys;
  /** Whole years at discharge, 90 for every age over 89; absent when unknown. */
  ageAtDischarge?: number;
}

interface SubjectRow {
  episode_id: string;
  episode_key: string;
  patient_key: string;
  age_at_discharge: number | null;
}

/**
 * The pseudonymous keys and ages of a batch's episodes, in one call of `analytics_subjects`,
 * which creates the keys it has not handed out before. The tables behind it are not readable
 * by the apps, and no birth date leaves the database.
 */
export async function analyticsSubjects(
  sql: SqlExecutor,
  requests: readonly SubjectRequest[],
): Promise<Map<string, AnalyticsSubject>> {
  if (requests.length === 0) return new Map();
  const rows = await sql.query<SubjectRow[]>(
    `SELECT episode_id, episode_key, patient_key, age_at_discharge
       FROM analytics_subjects($1::text[], $2::text[], $3::text[], $4::date[])`,
    [
      requests.map((request) => request.tenantId),
      requests.map((request) => request.episodeId),
      requests.map((request) => request.patientRef),
      requests.map((request) => request.dischargedOn),
    ],
  );
  return new Map(
    rows.map((row) => [
      row.episode_id,
      {
        keys: { episodeKey: row.episode_key, patientKey: row.patient_key },
        ...(row.age_at_discharge === null ? {} : { ageAtDischarge: row.age_at_discharge }),
      },
    ]),
  );
}
