import { HttpStatus, Injectable } from '@nestjs/common';
import { foldCareEpisode, type CareEpisodeEvent } from '@care/domain';
import { PostgresEventStore } from '@care/event-store';
import { problemType, ProblemException } from '@care/platform';
import type { EpisodeView } from './episode-view';

@Injectable()
export class GetEpisode {
  constructor(private readonly eventStore: PostgresEventStore) {}

  /** Another tenant's episode is answered like a missing one: its existence is not disclosed. */
  async execute(episodeId: string, tenantId: string): Promise<EpisodeView> {
    const events = await this.eventStore.readStream(episodeId);
    const state = foldCareEpisode(
      events.map((event) => ({ type: event.type, data: event.data }) as CareEpisodeEvent),
    );
    if (state.status === 'empty' || state.tenantId !== tenantId) {
      throw new ProblemException({
        type: problemType('episode-not-found'),
        title: 'Episode not found',
        status: HttpStatus.NOT_FOUND,
        detail: `No episode ${episodeId}.`,
      });
    }
    return {
      episodeId: state.episodeId,
      tenantId: state.tenantId,
      encounterId: state.encounterId,
      patientRef: state.patientRef,
      dischargedAt: state.dischargedAt,
      stage: state.stage,
      version: events.length,
      events: events.map((event) => ({
        eventId: event.eventId,
        type: event.type,
        version: event.streamVersion,
        recordedAt: event.recordedAt.toISOString(),
        data: event.data,
      })),
    };
  }
}
