import { randomUUID } from 'node:crypto';
import { deterministicEventId, type NewEvent } from '@care/event-store';

/** A discharge-sized event (about 300 bytes of JSON). */
export function sampleEvent(streamId: string, version: number): NewEvent {
  return {
    eventId: deterministicEventId(streamId, version),
    type: 'care.episode.discharge_recorded.v1',
    data: {
      episodeId: streamId,
      tenantId: 'general-hospital',
      encounterId: `ENC-${randomUUID()}`,
      patientRef: 'Patient/8f14e45f-ceea-467f-a2b1-3c9c5d1e2f3a',
      dischargedAt: new Date().toISOString(),
      disposition: 'home-with-services',
    },
    metadata: { tenantId: 'general-hospital', workflowId: `care-episode-${streamId}` },
  };
}
