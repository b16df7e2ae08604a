import { analyticsEventsChannel } from '../analytics/analytics-events-channel';
import { topics } from '../topics';
import type { ChannelSpec } from './channel-spec';
import { deadLetterChannel } from './dead-letter-channel';
import { episodeEventsChannel } from './episode-events-channel';

/** The topics the AsyncAPI document describes: one line each. */
export const channelCatalogue = (): ChannelSpec[] => [
  episodeEventsChannel(topics.episodes),
  analyticsEventsChannel(topics.episodeAnalytics),
  deadLetterChannel(topics.deadLetter),
];
