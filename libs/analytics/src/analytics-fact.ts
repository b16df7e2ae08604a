import type { AnalyticsEventData, AnalyticsEventType, EpisodeFacts } from '@care/contracts';
import type { CareEpisodeState, OpenCareEpisode } from '@care/domain';
import type { EpisodePart } from './analytics-ids';

/** What one analytics event adds to the episode facts every event carries. */
export type AnalyticsFact = {
  [T in AnalyticsEventType]: { type: T; data: Omit<AnalyticsEventData<T>, keyof EpisodeFacts> };
}[AnalyticsEventType];

/** The episode around one of its events, as the fact builders see it. */
export interface EpisodeMoment {
  before: CareEpisodeState;
  /** The episode with the event applied. */
  episode: OpenCareEpisode;
  /** When the event's fact happened. */
  at: string;
  /** The episode's zone: its calendar's, else the tenant's. */
  timeZone: string;
  /** A key for a part of the episode (a hand-off, a plan item, …), stable within it. */
  partKey: (part: EpisodePart, operationalId: string) => string;
}
