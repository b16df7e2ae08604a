import {
  validateAnalyticsEvent,
  type AnalyticsCloudEvent,
  type AnalyticsEventData,
  type AnalyticsEventType,
} from '@care/contracts';
import {
  decide,
  evolve,
  foldCareEpisode,
  type BusinessCalendar,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type CareEpisodeState,
} from '@care/domain';
import type { PatientFacts } from '../analytics-input';
import { toAnalyticsEvent } from '../to-analytics-event';

export const NEW_YORK: BusinessCalendar = {
  timeZone: 'America/New_York',
  holidays: ['2026-11-26', '2026-12-25', '2027-01-01'],
};

export const KEYS = {
  patientKey: '3b9a6f1e-2c7d-4e85-9f10-6a4d2b8c7e31',
  episodeKey: '0f6b2d9e-5c3a-4b71-8e2d-9a7c6b5d4e13',
};

export const EPISODE_ID = '8d7c2f4e-91a3-5b6d-8e2f-4c1a7b9d3e05';
export const PATIENT_REF = 'Patient/6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
export const ENCOUNTER_ID = 'ENC-2026-114523';

/** A discharge on Friday 20 November 2026, 15:30 in New York. */
export const discharge = (
  dischargedAt = '2026-11-20T15:30:00-05:00',
  episodeId = EPISODE_ID,
): CareEpisodeCommand => ({
  type: 'RecordDischarge',
  data: {
    episodeId,
    tenantId: 'general-hospital',
    encounterId: ENCOUNTER_ID,
    patientRef: PATIENT_REF,
    dischargedAt,
  },
});

/** The events the domain decides for the commands, as the workflow records them. */
export function recorded(...commands: CareEpisodeCommand[]): CareEpisodeEvent[] {
  let state: CareEpisodeState = { status: 'empty' };
  const events: CareEpisodeEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      events.push(event);
      state = evolve(state, event);
    }
  }
  return events;
}

export interface WhenOptions {
  patient?: PatientFacts;
  tenantTimeZone?: string;
  eventId?: string;
  keys?: typeof KEYS;
}

/** Given the episode's history, when an event is recorded, then analysts get this. */
export const given = (...history: CareEpisodeEvent[]) => ({
  when: (event: CareEpisodeEvent, options: WhenOptions = {}) => {
    const before = foldCareEpisode(history);
    const published = toAnalyticsEvent({
      source: {
        eventId: options.eventId ?? '1d5e8c2a-7b3f-5a91-8c4d-2e6f0a9b1c37',
        streamVersion: history.length + 1,
        tenantId: 'general-hospital',
        event,
      },
      before,
      after: foldCareEpisode([event], before),
      patient: options.patient ?? { ageAtDischarge: 72 },
      keys: options.keys ?? KEYS,
      tenantTimeZone: options.tenantTimeZone ?? 'America/New_York',
    });
    return {
      published,
      then<T extends AnalyticsEventType>(type: T, data: Partial<AnalyticsEventData<T>>) {
        expect(published?.type).toBe(type);
        expect(published?.data).toEqual(expect.objectContaining(data));
        expect(validateAnalyticsEvent(JSON.parse(JSON.stringify(published)))).toEqual({
          valid: true,
          event: published,
        });
        return published as AnalyticsCloudEvent & { type: T; data: AnalyticsEventData<T> };
      },
      thenNothing() {
        expect(published).toBeUndefined();
      },
    };
  },
});

/** The history up to the first event of a type, and that event. */
export function upTo(
  story: readonly CareEpisodeEvent[],
  type: CareEpisodeEvent['type'],
  nth = 1,
): { history: CareEpisodeEvent[]; event: CareEpisodeEvent } {
  const indexes = story.flatMap((event, index) => (event.type === type ? [index] : []));
  const index = indexes[nth - 1];
  if (index === undefined) throw new Error(`the story has no ${type} number ${nth}`);
  return { history: story.slice(0, index), event: story[index]! };
}
