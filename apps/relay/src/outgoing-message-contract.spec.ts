import {
  episodeEventExamples,
  episodeEventHeadersSchema,
  episodeEventTypes,
  topics,
  validateCloudEvent,
} from '@care/contracts';
import { toOutgoingMessage } from './to-outgoing-message';

describe('the relay keeps the promises of the AsyncAPI document', () => {
  const episodeId = episodeEventExamples['care.episode.discharge_recorded.v1'].episodeId;

  it.each(episodeEventTypes)('publishes %s as its message on care.episodes.v1', (type) => {
    const message = toOutgoingMessage({
      topic: topics.episodes,
      key: episodeId,
      event: {
        eventId: '0b8f3c1a-1d2e-5f60-8a7b-9c0d1e2f3a4b',
        streamId: episodeId,
        streamVersion: 7,
        globalPosition: '1207',
        transactionId: '901',
        type,
        data: episodeEventExamples[type],
        metadata: {
          tenantId: 'general-hospital',
          workflowId: `care-episode-${episodeId}`,
          workflowRunId: 'run-1',
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        },
        recordedAt: new Date('2026-11-21T14:05:01.250Z'),
      },
    });

    const value: unknown = JSON.parse(message.value);
    expect(validateCloudEvent(value)).toEqual({ valid: true, event: value });
    expect(episodeEventHeadersSchema.parse(message.headers)).toMatchObject({ ce_type: type });
    expect(message.key).toBe(episodeId);
  });
});
