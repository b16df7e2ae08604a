export * from './topics';
export * from './cloud-event';
export * from './event-metadata';
export { CONTRACTS_VERSION } from './contracts-version';
export { cloudEventSchema, EVENT_TYPE_PATTERN, TRACEPARENT_PATTERN } from './cloud-event.schema';
export { deadLetterHeadersSchema, episodeEventHeadersSchema } from './message-headers';
export {
  episodeEventDataSchemas,
  episodeEventTypes,
  isEpisodeEventType,
  type EpisodeCloudEvent,
  type EpisodeEventData,
  type EpisodeEventType,
} from './episode-events/episode-event-registry';
export { episodeEventExamples } from './episode-events/episode-event-examples';
export { validateCloudEvent, type CloudEventValidation } from './validation/validate-cloud-event';
export type { ContractViolation } from './validation/contract-violation';
export { contractSchemas, type ContractSchemas } from './json-schema/contract-json-schemas';
export type { JsonObject, JsonValue } from './json-schema/json-value';
export { asyncApiDocument } from './asyncapi/asyncapi-document';
export * from './analytics';
