import { Injectable } from '@nestjs/common';
import {
  currentRiskTier,
  foldCareEpisode,
  openDeadlines,
  type CareEpisodeEvent,
} from '@care/domain';
import { PostgresEventStore } from '@care/event-store';
import { toPage } from '@care/platform';
import { deadlineView } from './episode-list-item';
import { episodeNotFound } from './episode-not-found';
import type { EpisodeView } from './episode-view';
import { toTimelineEntry } from './timeline-entry';
import { TIMELINE_PAGE } from './timeline-query';

/** The episode folded from its own stream, so it reflects every action already answered. */
@Injectable()
export class GetEpisode {
  constructor(private readonly eventStore: PostgresEventStore) {}

  async execute(episodeId: string, tenantId: string, now = new Date()): Promise<EpisodeView> {
    const events = await this.eventStore.readStream(episodeId);
    const state = foldCareEpisode(
      events.map((event) => ({ type: event.type, data: event.data }) as CareEpisodeEvent),
    );
    if (state.status === 'empty' || state.tenantId !== tenantId) {
      throw episodeNotFound(episodeId);
    }
    const riskTier = currentRiskTier(state);
    return {
      episodeId: state.episodeId,
      tenantId: state.tenantId,
      encounterId: state.encounterId,
      patientRef: state.patientRef,
      dischargedAt: state.dischargedAt,
      stage: state.stage,
      stageSince: state.stageSince,
      version: events.length,
      ...(riskTier ? { riskTier } : {}),
      ...(state.assessment ? { assessment: state.assessment } : {}),
      deadlines: openDeadlines(state).map((deadline) => deadlineView(deadline, now)),
      handoffs: state.handoffs,
      contacts: state.contacts,
      ...(state.visitAt ? { visitAt: state.visitAt } : {}),
      ...(state.medicationReconciledAt
        ? { medicationReconciledAt: state.medicationReconciledAt }
        : {}),
      readmissions: state.readmissions,
      edRevisits: state.edRevisits ?? [],
      ...(state.stuck ? { stuck: state.stuck } : {}),
      escalations: state.escalations ?? [],
      ...(state.outcome ? { outcome: state.outcome } : {}),
      timeline: toPage(
        events.slice(0, TIMELINE_PAGE + 1),
        TIMELINE_PAGE,
        toTimelineEntry,
        (event) => [event.streamVersion],
      ),
    };
  }
}
