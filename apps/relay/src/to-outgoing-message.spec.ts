import { toOutgoingMessage } from './to-outgoing-message';

describe('toOutgoingMessage', () => {
  const event = {
    eventId: '0b8f3c1a-1d2e-5f60-8a7b-9c0d1e2f3a4b',
    streamId: 'f6a1c2d3-4b5e-5f60-8a7b-9c0d1e2f3a4b',
    streamVersion: 1,
    globalPosition: '17',
    transactionId: '901',
    type: 'care.episode.discharge_recorded.v1',
    data: { episodeId: 'f6a1c2d3-4b5e-5f60-8a7b-9c0d1e2f3a4b' },
    metadata: { tenantId: 'general-hospital', workflowId: 'w', workflowRunId: 'r' },
    recordedAt: new Date('2026-11-20T20:30:00.000Z'),
  };

  it('builds a structured CloudEvent keyed by episode id with routing headers', () => {
    const message = toOutgoingMessage({ topic: 'care.episodes.v1', key: event.streamId, event });

    expect(message.topic).toBe('care.episodes.v1');
    expect(message.key).toBe(event.streamId);
    expect(JSON.parse(message.value)).toEqual({
      specversion: '1.0',
      id: event.eventId,
      source: 'urn:care-engine:episodes',
      type: event.type,
      subject: event.streamId,
      time: '2026-11-20T20:30:00.000Z',
      datacontenttype: 'application/json',
      tenantid: 'general-hospital',
      sequence: '1',
      data: event.data,
    });
    expect(message.headers).toEqual({
      'content-type': 'application/cloudevents+json; charset=utf-8',
      ce_id: event.eventId,
      ce_type: event.type,
      ce_tenantid: 'general-hospital',
    });
  });

  it('carries the trace context when the event has one', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const message = toOutgoingMessage({
      topic: 'care.episodes.v1',
      key: event.streamId,
      event: { ...event, metadata: { ...event.metadata, traceparent } },
    });

    expect(message.headers.traceparent).toBe(traceparent);
    expect(JSON.parse(message.value)).toMatchObject({ traceparent });
  });
});
