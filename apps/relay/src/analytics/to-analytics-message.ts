import { CLOUD_EVENTS_CONTENT_TYPE, type AnalyticsCloudEvent } from '@care/contracts';

export interface AnalyticsMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
  /** The Kafka record timestamp, in milliseconds since the epoch. */
  timestamp: string;
}

/**
 * Structured-mode CloudEvent keyed by the episode's pseudonymous key. The record timestamp is
 * 1 January of the discharge year: the client would otherwise stamp the time of publication,
 * which is close to the date of the fact. Headers repeat the id, type and tenant, nothing more.
 */
export const toAnalyticsMessage = (event: AnalyticsCloudEvent): AnalyticsMessage => ({
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
