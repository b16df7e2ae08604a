export { AGE_OVER_89, episodeFacts, type EpisodeFacts } from './analytics-facts';
export {
  ANALYTICS_EVENT_SOURCE,
  analyticsCloudEventSchema,
  type AnalyticsCloudEvent,
} from './analytics-cloud-event';
export { analyticsEventHeadersSchema } from './analytics-event-headers';
export {
  analyticsEventDataSchemas,
  analyticsEventTypes,
  isAnalyticsEventType,
  type AnalyticsEventData,
  type AnalyticsEventType,
} from './analytics-event-registry';
export { analyticsEventExamples } from './analytics-event-examples';
export { validateAnalyticsEvent, type AnalyticsEventValidation } from './validate-analytics-event';
