import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { toJsonSchema } from '../json-schema/to-json-schema';
import { ANALYTICS_EVENT_SOURCE, analyticsCloudEventSchema } from './analytics-cloud-event';
import { analyticsEventExamples } from './analytics-event-examples';
import { analyticsEventDataSchemas, analyticsEventTypes } from './analytics-event-registry';
import { validateAnalyticsEvent } from './validate-analytics-event';

const exampleEvent = (
  type = analyticsEventTypes[0]!,
  data: object = analyticsEventExamples[type],
) => ({
  specversion: '1.0',
  id: '7a2c4e6f-8b1d-5c3e-9f40-000000000001',
  source: ANALYTICS_EVENT_SOURCE,
  type,
  subject: '0f6b2d9e-5c3a-4b71-8e2d-9a7c6b5d4e13',
  datacontenttype: 'application/json',
  tenantid: 'general-hospital',
  sequence: '1',
  data,
});

describe('the analytics contracts', () => {
  it.each(analyticsEventTypes)('%s: its example is valid, by zod and by JSON Schema', (type) => {
    expect(validateAnalyticsEvent(exampleEvent(type))).toMatchObject({ valid: true });
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(toJsonSchema(analyticsEventDataSchemas[type], 'draft-2020-12'));
    expect(validate(analyticsEventExamples[type]) ? [] : validate.errors).toEqual([]);
  });

  it('refuse a time or a trace context in the envelope', () => {
    const timed = { ...exampleEvent(), time: '2026-11-20T20:30:00Z' };
    const traced = {
      ...exampleEvent(),
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    };
    expect(validateAnalyticsEvent(timed)).toMatchObject({
      valid: false,
      violations: [expect.objectContaining({ path: 'time' })],
    });
    expect(validateAnalyticsEvent(traced)).toMatchObject({
      valid: false,
      violations: [expect.objectContaining({ path: 'traceparent' })],
    });
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    expect(ajv.validate(toJsonSchema(analyticsCloudEventSchema, 'draft-2020-12'), timed)).toBe(
      false,
    );
  });

  it('refuse an exact age over 89', () => {
    const type = 'care.analytics.episode_started.v1';
    const old = { ...analyticsEventExamples[type], ageAtDischarge: 93 };
    expect(validateAnalyticsEvent(exampleEvent(type, old))).toMatchObject({
      valid: false,
      violations: [expect.objectContaining({ path: 'data.ageAtDischarge' })],
    });
  });

  it('name an unknown type and every missing field at once', () => {
    expect(
      validateAnalyticsEvent({ ...exampleEvent(), type: 'care.analytics.unknown.v1' }),
    ).toEqual({
      valid: false,
      violations: [
        {
          path: 'type',
          code: 'unknown_event_type',
          message: expect.stringContaining('care.analytics.unknown.v1') as string,
        },
      ],
    });
    const result = validateAnalyticsEvent(exampleEvent(undefined, {}));
    expect(result.valid).toBe(false);
    expect(result.valid ? [] : result.violations.map((violation) => violation.path)).toEqual(
      expect.arrayContaining(['data.patientKey', 'data.dischargeYear', 'data.dayOffset']),
    );
  });

  it('read tolerantly: properties it does not know are left out', () => {
    const extended = {
      ...exampleEvent(),
      partitionkey: 'x',
      data: { ...exampleEvent().data, x: 1 },
    };
    const result = validateAnalyticsEvent(extended);
    expect(result).toMatchObject({ valid: true });
    expect(result.valid && result.event).not.toHaveProperty('partitionkey');
    expect(result.valid && result.event.data).not.toHaveProperty('x');
  });
});
