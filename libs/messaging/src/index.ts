export * from './event-publisher';
export * from './event-subscriber';
export * from './dead-letter';
export * from './parse-cloud-event';
export * from './messaging-migrations';
export * from './kafka/kafka-event-publisher';
export * from './kafka/kafka-event-subscriber';
export * from './kafka/missing-topics';
