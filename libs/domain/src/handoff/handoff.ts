import type { HrsnDomain } from '../needs/ahc-hrsn-screen';

/** Rule 8: the services an episode hands the patient over to. */
export const handoffKinds = [
  'pcp',
  'specialist',
  'home_health',
  'snf',
  'community_resource',
] as const;

export type HandoffKind = (typeof handoffKinds)[number];

export type HandoffStatus = 'requested' | 'accepted' | 'declined' | 'completed';

/** The part of the closed loop a hand-off's SLA clock is running for. */
export type HandoffPhase = 'acceptance' | 'completion';

export interface Handoff {
  handoffId: string;
  kind: HandoffKind;
  /** Reference to the receiving organisation or team, never a patient identifier. */
  assignee: string;
  status: HandoffStatus;
  requestedAt: string;
  /** When the running phase started: the request, the acceptance or the last reassignment. */
  phaseStartedAt: string;
  acceptDue: string;
  completeDue?: string;
  /** Whether the running phase's reminder went out. */
  reminded: boolean;
  /** Breaches counted by the running ladder; a reassignment starts a new ladder. */
  breaches: number;
  /** The running phase missed its SLA; stays set across a reassignment until the phase ends. */
  overdue: boolean;
  /** The care plan intervention the hand-off carries out, when one asked for it. */
  interventionId?: string;
  /** The social need the intervention's referral is for. */
  needDomain?: HrsnDomain;
}

export const isOpenHandoff = (handoff: Handoff): boolean =>
  handoff.status === 'requested' || handoff.status === 'accepted';

export const handoffPhase = (handoff: Handoff): HandoffPhase =>
  handoff.status === 'requested' ? 'acceptance' : 'completion';

export const handoffDue = (handoff: Handoff): string | undefined =>
  handoff.status === 'requested'
    ? handoff.acceptDue
    : handoff.status === 'accepted'
      ? handoff.completeDue
      : undefined;
