import { analyticsEventHeadersSchema, type AnalyticsCloudEvent } from '@care/contracts';
import { toAnalyticsMessage } from './to-analytics-message';

const event: AnalyticsCloudEvent = {
  specversion: '1.0',
  id: '7a2c4e6f-8b1d-5c3e-9f40-000000000001',
  source: 'urn:care-engine:analytics',
  type: 'care.analytics.episode_started.v1',
  subject: '0f6b2d9e-5c3a-4b71-8e2d-9a7c6b5d4e13',
  datacontenttype: 'application/json',
  tenantid: 'general-hospital',
  sequence: '1',
  data: {
    patientKey: '3b9a6f1e-2c7d-4e85-9f10-6a4d2b8c7e31',
    dischargeYear: 2026,
    ageAtDischarge: '90+',
    dayOffset: 0,
    serviceWeek: 1,
    hoursSinceDischarge: 0,
    stage: 'intake',
  },
};

describe('toAnalyticsMessage', () => {
  const message = toAnalyticsMessage(event);

  it('keys the record by the pseudonymous episode key and carries the event as JSON', () => {
    expect(message.key).toBe(event.subject);
    expect(JSON.parse(message.value)).toEqual(event);
  });

  it('stamps the record with 1 January of the discharge year, not the time of publication', () => {
    expect(new Date(Number(message.timestamp)).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('repeats only the id, type and tenant in the headers', () => {
    expect(analyticsEventHeadersSchema.strict().parse(message.headers)).toEqual({
      'content-type': 'application/cloudevents+json; charset=utf-8',
      ce_id: event.id,
      ce_type: event.type,
      ce_tenantid: 'general-hospital',
    });
  });
});
