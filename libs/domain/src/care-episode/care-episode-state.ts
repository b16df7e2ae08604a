import type { BusinessCalendar } from '../calendar/business-calendar';
import type { CarePlan } from '../care-plan/care-plan';
import type { ContactPreferences } from '../contact/contact-preferences';
import type { Coverage } from '../coverage/coverage';
import type { Handoff, HandoffKind } from '../handoff/handoff';
import type { Need } from '../needs/ahc-hrsn-screen';
import type { NeedsAssessment } from '../needs/needs-assessment';
import type { LaceScore, RiskTier } from '../risk/lace-index';
import type { StuckReason } from '../stuck/stuck-reason';
import type { TcmComplexity } from '../tcm/tcm-deadlines';
import type { ContactAttempt, TcmOutcome } from '../tcm/tcm-outcome';
import type { ContactChannel, EncounterChange } from './care-episode-event';
import type { CareEpisodeStage } from './care-episode-stage';

/** Rule 2: a documented contact attempt as recorded, with who made it and through which channel. */
export interface RecordedContactAttempt extends ContactAttempt {
  channel: ContactChannel;
  attemptedBy: string;
}

export interface Readmission {
  encounterId: string;
  admittedAt: string;
}

/** Rule 7: an emergency department visit within 30 days after the discharge. */
export interface EdRevisit {
  encounterId: string;
  arrivedAt: string;
}

/** An encounter of the patient transferred or changed class, as the feed announced it. */
export interface RecordedEncounterChange {
  encounterId: string;
  change: EncounterChange;
  patientClass?: string;
  changedAt: string;
}

/** Rule 7: the tier the ED revisits raised the LACE index to, with the score, and since when. */
export interface RaisedRiskTier {
  tier: RiskTier;
  lace: LaceScore;
  since: string;
}

export interface EpisodeDeadlines {
  contactDue: string;
  visitDue?: string;
  serviceEnds: string;
}

export interface EpisodeAssessment {
  lace: LaceScore;
  complexity: TcmComplexity;
}

export interface FollowUpPlan {
  riskTier: RiskTier;
  /** When the plan (re)started: contacts before it do not count toward its checkpoints. */
  since: string;
  schedule: readonly string[];
}

/** Operations escalated the episode: who, when and why. */
export interface Escalation {
  at: string;
  by: string;
  reason: string;
}

export interface StuckStatus {
  reasons: readonly StuckReason[];
  since: string;
}

export type CareEpisodeState =
  | { status: 'empty' }
  | {
      status: 'open';
      episodeId: string;
      tenantId: string;
      encounterId: string;
      patientRef: string;
      dischargedAt: string;
      stage: CareEpisodeStage;
      stageSince: string;
      /** The latest instant anything happened in the episode. */
      lastActivityAt: string;
      calendar?: BusinessCalendar;
      deadlines?: EpisodeDeadlines;
      assessment?: EpisodeAssessment;
      plannedHandoffs?: readonly HandoffKind[];
      followUp?: FollowUpPlan;
      handoffs: readonly Handoff[];
      contacts: readonly RecordedContactAttempt[];
      visitAt?: string;
      medicationReconciledAt?: string;
      readmissions: readonly Readmission[];
      /** Absent in states recorded before ED revisits were (as are the next two). */
      edRevisits?: readonly EdRevisit[];
      encounterChanges?: readonly RecordedEncounterChange[];
      raisedRisk?: RaisedRiskTier;
      stuck?: StuckStatus;
      /** Absent in states recorded before operations could escalate. */
      escalations?: readonly Escalation[];
      /** Absent in states recorded before needs were assessed (as are the ones below). */
      needsAssessment?: NeedsAssessment;
      needs?: readonly Need[];
      carePlan?: CarePlan;
      /** Every coverage recorded, in the order recorded. */
      coverages?: readonly Coverage[];
      /** Every set of contact preferences recorded, in the order recorded. */
      contactPreferences?: readonly ContactPreferences[];
      outcome?: TcmOutcome;
    };

export type OpenCareEpisode = Extract<CareEpisodeState, { status: 'open' }>;

export const initialCareEpisodeState: CareEpisodeState = { status: 'empty' };
