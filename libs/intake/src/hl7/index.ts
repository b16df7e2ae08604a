export * from './adt-limits';
export * from './adt-parse-result';
export * from './build-ack';
export * from './hl7-issue';
export * from './mllp-decoder';
export * from './mllp-frame';
export * from './parse-adt';
