import { analyticsEventExamples, ANALYTICS_EVENT_SOURCE } from '@care/contracts';
import { UnparseableMessage } from '@care/messaging';
import { readAnalyticsEvent } from './read-analytics-event';

const event = (overrides: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id: '7a2c4e6f-8b1d-5c3e-9f40-000000000001',
  source: ANALYTICS_EVENT_SOURCE,
  type: 'care.analytics.handoff_accepted.v1',
  subject: '0f6b2d9e-5c3a-4b71-8e2d-9a7c6b5d4e13',
  datacontenttype: 'application/json',
  tenantid: 'general-hospital',
  sequence: '9',
  data: analyticsEventExamples['care.analytics.handoff_accepted.v1'],
  ...overrides,
});

describe('readAnalyticsEvent', () => {
  it('reads an analytics event against its contract', () => {
    expect(readAnalyticsEvent(JSON.stringify(event()))).toEqual({ kind: 'event', event: event() });
  });

  it('skips an event of a type it does not know, as the stream asks its readers', () => {
    expect(
      readAnalyticsEvent(JSON.stringify(event({ type: 'care.analytics.survey_answered.v1' }))),
    ).toEqual({ kind: 'skip', reason: 'unknown event type care.analytics.survey_answered.v1' });
  });

  it.each([
    ['no value', null, 'message has no value'],
    ['text that is not JSON', 'ADT^A03', /^not JSON: /],
    [
      'an operational event, with a time',
      JSON.stringify(event({ time: '2026-11-20T20:30:00Z' })),
      /^not an analytics event: time: /,
    ],
    [
      'an event whose data breaks its schema',
      JSON.stringify(
        event({
          data: { ...analyticsEventExamples['care.analytics.handoff_accepted.v1'], kind: 'x' },
        }),
      ),
      /^not an analytics event: data\.kind: /,
    ],
    [
      'an unknown type without an id',
      JSON.stringify(event({ id: undefined, type: 'care.analytics.survey_answered.v1' })),
      /^not an analytics event: id: required; type: /,
    ],
  ])('refuses %s, saying why', (_case, value, reason) => {
    expect(() => readAnalyticsEvent(value)).toThrow(UnparseableMessage);
    expect(() => readAnalyticsEvent(value)).toThrow(reason);
  });
});
