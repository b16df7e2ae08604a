import { Injectable } from '@nestjs/common';
import type { CareEpisodeEvent } from '@care/domain';
import { PostgresEventStore } from '@care/event-store';
import { DataSource } from 'typeorm';
import { episodeRecordOf, type EpisodeRecord } from './episode-record';

/** Episodes folded from their own streams, so they show every action already answered. */
@Injectable()
export class EpisodeRecords {
  constructor(
    private readonly eventStore: PostgresEventStore,
    private readonly dataSource: DataSource,
  ) {}

  /** The tenant's episode; undefined for an unknown one or another tenant's. */
  async load(episodeId: string, tenantId: string): Promise<EpisodeRecord | undefined> {
    const events = await this.eventStore.readStream(episodeId);
    const record = episodeRecordOf(
      events.map((event) => ({ type: event.type, data: event.data }) as CareEpisodeEvent),
    );
    return record?.episode.tenantId === tenantId ? record : undefined;
  }

  /** The patient's episodes in the tenant, latest discharge first (the episode summaries). */
  async ofPatient(patientId: string, tenantId: string): Promise<EpisodeRecord[]> {
    const rows = await this.dataSource.query<{ episode_id: string }[]>(
      `SELECT episode_id FROM episode_summaries
        WHERE tenant_id = $1 AND patient_ref = $2
        ORDER BY discharged_at DESC, episode_id DESC`,
      [tenantId, `Patient/${patientId}`],
    );
    const records = await Promise.all(rows.map((row) => this.load(row.episode_id, tenantId)));
    return records.filter((record): record is EpisodeRecord => record !== undefined);
  }
}
