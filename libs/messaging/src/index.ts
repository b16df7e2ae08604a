export * from './event-publisher';
export * from './kafka/kafka-event-publisher';
