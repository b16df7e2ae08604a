/** CloudEvents 1.0 JSON envelope with the engine's extension attributes. */
export interface CloudEvent<Data = Record<string, unknown>> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  /** Tenant the event belongs to. */
  tenantid: string;
  /** Stream version of the event, as a decimal string. */
  sequence: string;
  traceparent?: string;
  data: Data;
}

export const CLOUD_EVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

export const EPISODE_EVENT_SOURCE = 'urn:care-engine:episodes';

export interface EnvelopeInput {
  id: string;
  type: string;
  subject: string;
  time: Date;
  tenantId: string;
  sequence: number;
  traceparent?: string;
  data: Record<string, unknown>;
}

export const toCloudEvent = (input: EnvelopeInput): CloudEvent => ({
  specversion: '1.0',
  id: input.id,
  source: EPISODE_EVENT_SOURCE,
  type: input.type,
  subject: input.subject,
  time: input.time.toISOString(),
  datacontenttype: 'application/json',
  tenantid: input.tenantId,
  sequence: String(input.sequence),
  ...(input.traceparent ? { traceparent: input.traceparent } : {}),
  data: input.data,
});
