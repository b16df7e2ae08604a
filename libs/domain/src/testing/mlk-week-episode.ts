import type { CareEpisodeEvent } from '../care-episode/care-episode-event';
import { NEW_YORK_CALENDAR } from './episode-specs';

// Friday 15 January 2027, 15:00 in New York: contact due by the end of Wednesday the 20th
// (MLK Day on the 18th), a high-complexity visit by the end of Friday the 22nd, the service
// period to the end of Saturday 13 February.
export const CONTACT_DUE = '2027-01-21T04:59:59.999Z';
export const VISIT_DUE = '2027-01-23T04:59:59.999Z';
export const SERVICE_ENDS = '2027-02-14T04:59:59.999Z';
export const PLANNED_AT = '2027-01-19T15:00:00.000Z';

/** The discharge, its TCM clocks and a high-complexity assessment the deadline specs share. */
export const discharged: CareEpisodeEvent = {
  type: 'care.episode.discharge_recorded.v1',
  data: {
    episodeId: 'episode-1',
    tenantId: 'general-hospital',
    encounterId: 'ENC-1001',
    patientRef: 'Patient/42',
    dischargedAt: '2027-01-15T20:00:00.000Z',
  },
};

export const clocksStarted: CareEpisodeEvent = {
  type: 'care.episode.tcm_clocks_started.v1',
  data: {
    at: '2027-01-15T20:10:00.000Z',
    calendar: NEW_YORK_CALENDAR,
    contactDue: CONTACT_DUE,
    serviceEnds: SERVICE_ENDS,
  },
};

export const assessed: CareEpisodeEvent = {
  type: 'care.episode.assessment_recorded.v1',
  data: {
    at: '2027-01-16T15:00:00.000Z',
    assessedBy: 'rn-7',
    lace: { score: 10, components: { l: 4, a: 3, c: 2, e: 1 }, tier: 'high' },
    complexity: 'high',
    visitDue: VISIT_DUE,
  },
};

export const contact = (at: string, reached: boolean): CareEpisodeEvent => ({
  type: 'care.episode.contact_attempted.v1',
  data: { at, reached, channel: 'phone', attemptedBy: 'rn-7' },
});
