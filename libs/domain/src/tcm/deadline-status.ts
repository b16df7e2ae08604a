import type { OpenCareEpisode } from '../care-episode/care-episode-state';
import { contactsMeetRequirement } from './tcm-outcome';

/** Where a TCM deadline stands at an instant: kept, missed, or still open. */
export type DeadlineStatus = 'met' | 'missed' | 'pending';

const statusAt = (met: boolean, dueAt: string, now: string): DeadlineStatus =>
  met ? 'met' : Date.parse(now) > Date.parse(dueAt) ? 'missed' : 'pending';

/** Rule 2 at `now`: timely contacts meet it; undefined before the clocks start. */
export function contactDeadlineStatus(
  episode: OpenCareEpisode,
  now: string,
): DeadlineStatus | undefined {
  const due = episode.deadlines?.contactDue;
  if (!due) return undefined;
  const timely = episode.contacts.filter(
    (contact) =>
      Date.parse(contact.at) >= Date.parse(episode.dischargedAt) &&
      Date.parse(contact.at) <= Date.parse(due),
  );
  return statusAt(contactsMeetRequirement(timely), due, now);
}

/** Rule 3 at `now`: a visit by the deadline meets it; undefined before the assessment. */
export function visitDeadlineStatus(
  episode: OpenCareEpisode,
  now: string,
): DeadlineStatus | undefined {
  const due = episode.deadlines?.visitDue;
  if (!due) return undefined;
  const met = episode.visitAt !== undefined && Date.parse(episode.visitAt) <= Date.parse(due);
  return statusAt(met, due, now);
}
