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

const FOLLOW_UP_PLANNED = 'care.episode.follow_up_planned.v1';

/** Why the follow-up was (re)planned is a code, not someone's words. */
const FOLLOW_UP_CAUSES: Record<string, string> = {
  'plan-approved': 'Planned when the care plan was approved',
  readmission: 'Replanned at high intensity after a readmission',
};

/** One timeline entry as a person reads it: what happened, who did it and why. */
export function describeTimelineEntry(entry: TimelineEntry): TimelineLine {
  if (entry.type === FOLLOW_UP_PLANNED) {
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
    details: detailsOf(entry),
  };
}
