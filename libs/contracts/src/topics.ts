/** Kafka topics the engine publishes to; the names are part of the public contract. */
export const topics = {
  episodes: 'care.episodes.v1',
} as const;

export type TopicName = (typeof topics)[keyof typeof topics];
