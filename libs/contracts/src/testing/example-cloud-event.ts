import { toCloudEvent, type CloudEvent } from '../cloud-event';
import { episodeEventExamples } from '../episode-events/episode-event-examples';
import type { EpisodeEventData, EpisodeEventType } from '../episode-events/episode-event-registry';

/** The example data of a type in an envelope, with some of its data replaced. */
export const exampleCloudEvent = <T extends EpisodeEventType>(
  type: T,
  data: Partial<EpisodeEventData<T>> | Record<string, unknown> = {},
): CloudEvent =>
  toCloudEvent({
    id: '0b8f3c1a-1d2e-5f60-8a7b-9c0d1e2f3a4b',
    type,
    subject: '8d7c2f4e-91a3-5b6d-8e2f-4c1a7b9d3e05',
    time: new Date('2026-11-21T14:05:01.250Z'),
    tenantId: 'general-hospital',
    sequence: 3,
    data: { ...episodeEventExamples[type], ...data },
  });
