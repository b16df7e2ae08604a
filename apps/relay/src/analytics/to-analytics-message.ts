import { CLOUD_EVENTS_CONTENT_TYPE, topics, type AnalyticsCloudEvent } from '@care/contracts';
import type { OutgoingMessage } from '@care/messaging';

/**
 * Structured-mode CloudEvent keyed by the episode's pseudonymous key. The record timestamp is
 * 1 January of the discharge year: the client would otherwise stamp the time of publication,
 * which is close to the date of the fact. Headers repeat the id, type and tenant, nothing more.
 */
export const toAnalyticsMessage = (event: AnalyticsCloudEvent): OutgoingMessage => ({
  topic: topics.episodeAnalytics,
  key: event.subject,
  value: JSON.stringify(event),
  headers: {
    'content-type': CLOUD_EVENTS_CONTENT_TYPE,
    ce_id: event.id,
    ce_type: event.type,
    ce_tenantid: event.tenantid,
  },
  timestamp: String(Date.UTC(event.data.dischargeYear, 0, 1)),
});
