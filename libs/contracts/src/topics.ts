/** Kafka topics the engine publishes to; the names are part of the public contract. */
export const topics = {
  episodes: 'care.episodes.v1',
  /** The episodes de-identified for analysts (HIPAA Safe Harbor), keyed by pseudonymous key. */
  episodeAnalytics: 'care.episodes.analytics.v1',
  /** Messages a consumer could not process, with headers saying which consumer and why. */
  deadLetter: 'care.deadletter.v1',
} as const;

export type TopicName = (typeof topics)[keyof typeof topics];
