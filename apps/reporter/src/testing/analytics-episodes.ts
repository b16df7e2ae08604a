import { toAnalyticsEvent, type AnalyticsKeys } from '@care/analytics';
import type { AnalyticsCloudEvent } from '@care/contracts';
import { evolve, type CareEpisodeEvent, type CareEpisodeState } from '@care/domain';
import { deterministicEventId } from '@care/event-store';
import {
  episodeAppends,
  type SeededEpisode,
  type SeededPatient,
} from '../../../../test/support/phi-cohort';

export const TIME_ZONE = 'America/New_York';

/** A patient of the cohort the analytics stream is tested with; who it is does not matter here. */
export const patient = (episodes: SeededEpisode[]): SeededPatient => ({
  family: 'Okonkwo',
  given: 'Adaeze',
  mrn: '482915736',
  ssn: '912345678',
  birthDate: '1948-03-14',
  street: '12 Elm Street',
  city: 'Springfield',
  zip: '01103',
  phone: '4135550142',
  email: 'adaeze.okonkwo@mail.example',
  memberId: 'XKW904417253',
  episodes,
});

/** An episode that runs to its close: assessed, planned, handed off, contacted, visited. */
export const episode = (overrides: Partial<SeededEpisode> = {}): SeededEpisode => ({
  episodeId: '5b0e2a4c-8d1f-4e6a-9c3b-7f2d1e0a9b84',
  encounterId: 'ENC-0000000001',
  dischargedAt: '2026-03-02T14:00:00.000Z',
  ending: 'closed',
  complexity: 'high',
  reached: true,
  contactAfterHours: 10,
  visitAfterDays: 3,
  handoffIds: [
    '0c9f8e7d-6b5a-4c3d-8e2f-1a0b9c8d7e61',
    '1d0a9f8e-7c6b-4d4e-9f30-2b1c0d9e8f72',
    '2e1b0a9f-8d7c-4e5f-a041-3c2d1e0f9a83',
  ],
  ...overrides,
});

/** The episode's events as the workflow records them, each with its stream version. */
export function recordedEvents(
  tenantId: string,
  seeded: SeededEpisode,
  patientRef = 'Patient/7e3c1a2b-4d5f-4a6b-8c7d-9e0f1a2b3c4d',
): CareEpisodeEvent[] {
  return episodeAppends(patient([seeded]), seeded, {
    tenantId,
    patientRef,
    timeZone: TIME_ZONE,
  }).flat();
}

/** What the relay publishes for the episode's events, as `toAnalyticsEvent` derives them. */
export function analyticsEvents(
  tenantId: string,
  seeded: SeededEpisode,
  keys: AnalyticsKeys,
): AnalyticsCloudEvent[] {
  let state: CareEpisodeState = { status: 'empty' };
  return recordedEvents(tenantId, seeded).flatMap((event, index) => {
    const before = state;
    state = evolve(state, event);
    const published = toAnalyticsEvent({
      source: {
        eventId: deterministicEventId(seeded.episodeId, index + 1),
        streamVersion: index + 1,
        tenantId,
        event,
      },
      before,
      after: state,
      patient: { ageAtDischarge: 78 },
      keys,
      tenantTimeZone: TIME_ZONE,
    });
    return published ? [published] : [];
  });
}
