import {
  contactDeadlineStatus,
  visitDeadlineStatus,
  type DeadlineStatus,
  type OpenCareEpisode,
} from '@care/domain';

export interface DeadlineTally {
  /** Deadlines falling on today's date. */
  due: number;
  met: number;
  missed: number;
  pending: number;
}

/** TCM compliance of the day: the deadlines that fall today, and the episodes closed today. */
export interface ComplianceToday {
  /** Today's date in the zone of the tenant's episodes. */
  date: string;
  contact: DeadlineTally;
  visit: DeadlineTally;
  closed: { total: number; billable: number };
}

export interface EpisodeOfToday {
  state: OpenCareEpisode;
  contactDueToday: boolean;
  visitDueToday: boolean;
  closedToday: boolean;
}

const tally = (statuses: (DeadlineStatus | undefined)[]): DeadlineTally => {
  const known = statuses.filter((status): status is DeadlineStatus => status !== undefined);
  const count = (status: DeadlineStatus) => known.filter((value) => value === status).length;
  return {
    due: known.length,
    met: count('met'),
    missed: count('missed'),
    pending: count('pending'),
  };
};

export function complianceToday(
  date: string,
  episodes: readonly EpisodeOfToday[],
  now: string,
): ComplianceToday {
  const closed = episodes.filter((episode) => episode.closedToday);
  return {
    date,
    contact: tally(
      episodes
        .filter((episode) => episode.contactDueToday)
        .map((episode) => contactDeadlineStatus(episode.state, now)),
    ),
    visit: tally(
      episodes
        .filter((episode) => episode.visitDueToday)
        .map((episode) => visitDeadlineStatus(episode.state, now)),
    ),
    closed: {
      total: closed.length,
      billable: closed.filter((episode) => episode.state.outcome?.billable === true).length,
    },
  };
}
