import { Injectable } from '@nestjs/common';
import { toPage, type Page } from '@care/platform';
import { DataSource } from 'typeorm';
import type { EpisodeAction } from '../intake/episode-action';
import { IS_FAILING, type IntakeProblem } from '../intake/intake-problem';
import type { IntakeProblemsQuery } from './ops-intake-queries';

interface ProblemRow {
  position: string;
  status: 'pending' | 'refused';
  patient_id: string;
  action: EpisodeAction;
  received_at: Date;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
}

const REFUSED = `status = 'refused'`;

/** A tenant's feed messages that keep failing or were refused, oldest first. */
@Injectable()
export class ListIntakeProblems {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: IntakeProblemsQuery): Promise<Page<IntakeProblem>> {
    const params: unknown[] = [tenantId];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const which =
      query.status === 'failing'
        ? IS_FAILING
        : query.status === 'refused'
          ? REFUSED
          : `(${IS_FAILING} OR ${REFUSED})`;
    const after = query.cursor ? `AND position > ${bind(query.cursor[0])}::bigint` : '';
    const rows = await this.dataSource.query<ProblemRow[]>(
      `SELECT position::text AS position, status, patient_id, action, received_at, attempts,
              last_error, next_attempt_at
         FROM intake_queue
        WHERE tenant_id = $1 AND ${which} ${after}
        ORDER BY position
        LIMIT ${bind(query.limit + 1)}`,
      params,
    );
    return toPage(rows, query.limit, toProblem, (row) => [row.position]);
  }
}

function toProblem(row: ProblemRow): IntakeProblem {
  const failing = row.status === 'pending';
  return {
    position: row.position,
    status: failing ? 'failing' : 'refused',
    kind: row.action.kind,
    encounterId: row.action.encounterId,
    patientRef: `Patient/${row.patient_id}`,
    receivedAt: row.received_at.toISOString(),
    attempts: row.attempts,
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(failing ? { nextAttemptAt: row.next_attempt_at.toISOString() } : {}),
  };
}
