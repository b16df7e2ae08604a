import { HttpStatus, Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { problemType, ProblemException, toPage, type Page } from '@care/platform';
import { DataSource } from 'typeorm';
import type { EpisodeListItem } from '../episodes/episode-list-item';
import {
  EPISODE_LIST_COLUMNS,
  toEpisodeListItems,
  type EpisodeListRow,
} from '../episodes/episode-list-rows';
import type { PatientEpisodesQuery } from './patient-queries';

interface PatientEpisodeRow extends EpisodeListRow {
  sort_key: string;
}

const ENDED = `w.stage IN ('closed', 'cancelled')`;

/** A patient's episodes, latest discharge first. */
@Injectable()
export class ListPatientEpisodes {
  constructor(private readonly dataSource: DataSource) {}

  execute(
    patientId: string,
    query: PatientEpisodesQuery,
    tenantId: string,
    now = new Date(),
  ): Promise<Page<EpisodeListItem>> {
    const params: unknown[] = [tenantId, `Patient/${patientId}`];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const conditions = ['w.tenant_id = $1', 'w.patient_ref = $2'];
    if (query.status === 'open') conditions.push(`NOT ${ENDED}`);
    if (query.status === 'ended') conditions.push(ENDED);
    const after = query.cursor
      ? `AND (floor(extract(epoch FROM w.discharged_at) * 1000)::bigint, w.episode_id) <
             (${bind(query.cursor[0])}::bigint, ${bind(query.cursor[1])}::uuid)`
      : '';
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const known = await tx.query<unknown[]>(
        `SELECT 1 FROM patients WHERE tenant_id = $1 AND patient_id = $2`,
        [tenantId, patientId],
      );
      if (known.length === 0) throw patientNotFound(patientId);
      const rows = await tx.query<PatientEpisodeRow[]>(
        `SELECT ${EPISODE_LIST_COLUMNS},
                floor(extract(epoch FROM w.discharged_at) * 1000)::bigint AS sort_key
           FROM episode_worklist w
          WHERE ${conditions.join(' AND ')} ${after}
          ORDER BY sort_key DESC, w.episode_id DESC
          LIMIT ${bind(query.limit + 1)}`,
        params,
      );
      const page = toPage(
        rows,
        query.limit,
        (row) => row,
        (row) => [Number(row.sort_key), row.episode_id],
      );
      return { ...page, items: await toEpisodeListItems(page.items, now, tx) };
    });
  }
}

const patientNotFound = (patientId: string): ProblemException =>
  new ProblemException({
    type: problemType('patient-not-found'),
    title: 'Patient not found',
    status: HttpStatus.NOT_FOUND,
    detail: `No patient ${patientId}.`,
  });
