import { Injectable } from '@nestjs/common';
import {
  carePlanOf,
  consentChannels,
  currentCoverage,
  currentRiskTier,
  foldCareEpisode,
  isTerminalInterventionStatus,
  openDeadlines,
  planApproved,
  type CareEpisodeEvent,
  type ContactPreferences,
  type OpenCareEpisode,
} from '@care/domain';
import type { RecordedEvent } from '@care/event-store';
import { PostgresEventStore } from '@care/event-store';
import { toPage } from '@care/platform';
import { deadlineView } from './episode-list-item';
import { episodeNotFound } from './episode-not-found';
import type {
  CarePlanView,
  ContactPreferencesView,
  CoverageView,
  EpisodeView,
} from './episode-view';
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
      ...(state.needsAssessment
        ? { needs: { ...state.needsAssessment, needs: state.needs ?? [] } }
        : {}),
      carePlan: carePlanView(state, events, now),
      ...coverageView(state),
      ...contactPreferencesView(state.contactPreferences ?? []),
      timeline: toPage(
        events.slice(0, TIMELINE_PAGE + 1),
        TIMELINE_PAGE,
        toTimelineEntry,
        (event) => [event.streamVersion],
      ),
    };
  }
}

function carePlanView(
  state: OpenCareEpisode,
  events: readonly RecordedEvent[],
  now: Date,
): CarePlanView {
  const plan = carePlanOf(state);
  const approved = planApproved(state);
  const approval = events.find((event) => event.type === 'care.episode.plan_approved.v1');
  return {
    version: plan.version,
    approved,
    ...(approved && approval ? { approvedAt: (approval.data as { at: string }).at } : {}),
    problems: plan.problems,
    goals: plan.goals,
    interventions: plan.interventions.map((intervention) => ({
      ...intervention,
      overdue:
        !isTerminalInterventionStatus(intervention.status) &&
        Date.parse(intervention.dueAt) < now.getTime(),
    })),
    appliedTemplates: plan.appliedTemplates,
  };
}

/** The coverage in force as codes and a reference: a payer name or member id never shows. */
function coverageView(state: OpenCareEpisode): { coverage?: CoverageView } {
  const coverage = currentCoverage(state.coverages ?? []);
  if (!coverage) return {};
  return {
    coverage: {
      at: coverage.at,
      payerClass: coverage.payerClass,
      ...(coverage.planType ? { planType: coverage.planType } : {}),
      source: coverage.source,
      ...(coverage.coverageRef ? { coverageRef: coverage.coverageRef } : {}),
    },
  };
}

/** The preferences recorded last, with the channels the patient refused. */
function contactPreferencesView(history: readonly ContactPreferences[]): {
  contactPreferences?: ContactPreferencesView;
} {
  const latest = history.reduce<ContactPreferences | undefined>(
    (found, preferences) =>
      !found || Date.parse(preferences.at) >= Date.parse(found.at) ? preferences : found,
    undefined,
  );
  if (!latest) return {};
  return {
    contactPreferences: {
      ...latest,
      refusedChannels: consentChannels.filter(
        (channel) => latest.consent[channel]?.status === 'refused',
      ),
    },
  };
}
