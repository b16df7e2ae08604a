import type { TimelineEntry } from '../api/contract';
import { eventTypeLabel, stuckReasonLabel } from '../format/labels';
import type { StuckReason } from '../domain';

export interface TimelineLine {
  label: string;
  actor?: string;
  reason?: string;
  details: string[];
}

/** The name the timeline gives an event where the type's own words do not read well. */
const LABELS: Record<string, string> = {
  'care.episode.handoff_reassigned_by_ops.v1': 'Hand-off reassigned',
  'care.episode.stuck_flagged.v1': 'Flagged as stuck',
  'care.episode.stuck_flagged.v2': 'Flagged as stuck',
  'care.episode.stuck_cleared.v1': 'No longer stuck',
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function detailsOf({ data }: TimelineEntry): string[] {
  const from = text(data.from);
  const to = text(data.to);
  const details: string[] = [];
  if (from && to) details.push(`From ${from} to ${to}`);
  if (text(data.step)) details.push(`Step: ${String(data.step)}`);
  if (Array.isArray(data.reasons)) {
    details.push(`Why: ${(data.reasons as StuckReason[]).map(stuckReasonLabel).join(', ')}`);
  }
  return details;
}

/** v2 only names more reasons than v1. */
const FOLLOW_UP_PLANNED = [
  'care.episode.follow_up_planned.v1',
  'care.episode.follow_up_planned.v2',
];

/** Why the follow-up was (re)planned is a code, not someone's words. */
const FOLLOW_UP_CAUSES: Record<string, string> = {
  'plan-approved': 'Planned when the care plan was approved',
  readmission: 'Replanned at high intensity after a readmission',
  'risk-tier-raised': 'Replanned at the higher risk tier after ED revisits',
};

/** How the hospital changed an encounter, as its ADT event says. */
const ENCOUNTER_CHANGES: Record<string, string> = {
  transfer: 'Transferred (ADT A02)',
  'to-inpatient': 'Became an inpatient stay (ADT A06)',
  'to-outpatient': 'Became an outpatient visit (ADT A07)',
};

const words = (...parts: (string | undefined)[]): string[] =>
  parts.filter((part): part is string => part !== undefined);

const encounter = (data: TimelineEntry['data']): string | undefined => {
  const id = text(data.encounterId);
  return id && `Encounter ${id}`;
};

/** What the feed's new facts say beyond their type: the encounter, and when or how it changed. */
const FEED_FACTS: Record<string, (data: TimelineEntry['data']) => string[]> = {
  'care.episode.ed_revisit_recorded.v1': (data) =>
    words(
      typeof data.daysAfterDischarge === 'number'
        ? `Emergency department visit on day ${data.daysAfterDischarge} after the discharge`
        : undefined,
      encounter(data),
    ),
  'care.episode.risk_tier_raised.v1': (data) => {
    const score = (data.lace as { score?: unknown } | undefined)?.score;
    return words(
      typeof score === 'number' ? `LACE index ${score} with the ED revisits counted` : undefined,
    );
  },
  'care.episode.encounter_changed.v1': (data) => {
    const patientClass = text(data.patientClass);
    return words(
      ENCOUNTER_CHANGES[String(data.change)],
      encounter(data),
      patientClass && `Patient class ${patientClass}`,
    );
  },
};

/** One timeline entry as a person reads it: what happened, who did it and why. */
export function describeTimelineEntry(entry: TimelineEntry): TimelineLine {
  if (FOLLOW_UP_PLANNED.includes(entry.type)) {
    const cause = FOLLOW_UP_CAUSES[String(entry.data.reason)];
    return {
      label: eventTypeLabel(entry.type),
      details: cause ? [cause, ...detailsOf(entry)] : detailsOf(entry),
    };
  }
  const reason = text(entry.data.reason);
  return {
    label: LABELS[entry.type] ?? eventTypeLabel(entry.type),
    ...(entry.actor !== undefined ? { actor: entry.actor } : {}),
    ...(reason !== undefined ? { reason } : {}),
    details: [...detailsOf(entry), ...(FEED_FACTS[entry.type]?.(entry.data) ?? [])],
  };
}
