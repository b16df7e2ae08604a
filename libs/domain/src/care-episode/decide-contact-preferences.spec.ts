import type { ContactPreferences } from '../contact/contact-preferences';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { given, openEpisode } from '../testing/episode-specs';
import { discharged } from '../testing/mlk-week-episode';

const RECORDED_AT = '2027-01-16T15:00:00.000Z';
const stated: ContactPreferences = {
  at: RECORDED_AT,
  recordedBy: 'rn-7',
  contactRef: 'ContactPoint/31',
  preferredChannels: ['phone', 'sms'],
  contactWindows: [{ days: ['mon', 'wed', 'fri'], from: '10:00', to: '16:00' }],
  consent: {
    phone: { status: 'granted' },
    sms: { status: 'granted' },
    email: { status: 'refused', refusalDocumented: true },
  },
};
const record = (preferences: ContactPreferences): CareEpisodeCommand => ({
  type: 'RecordContactPreferences',
  data: preferences,
});
const recorded = (preferences: ContactPreferences): CareEpisodeEvent => ({
  type: 'care.episode.contact_preferences_recorded.v1',
  data: preferences,
});

describe('contact preferences (channels, hours, consent)', () => {
  it('records the channels in order, the windows and the consent per channel', () => {
    given(discharged)
      .when(record(stated))
      .then([recorded(stated)]);
    expect(openEpisode(discharged, recorded(stated)).contactPreferences).toEqual([stated]);
  });

  it('the same record again changes nothing', () => {
    given(discharged, recorded(stated)).when(record(stated)).then([]);
  });

  it('contact-consent: a refusal must be documented', () => {
    given(discharged)
      .when(
        record({
          ...stated,
          consent: { phone: { status: 'refused', refusalDocumented: false as true } },
        }),
      )
      .thenThrows('contact-consent');
  });

  it('contact-preferences: a refused channel is not a preferred one; channels are known and listed once', () => {
    given(discharged)
      .when(
        record({
          ...stated,
          consent: { sms: { status: 'refused', refusalDocumented: true } },
        }),
      )
      .thenThrows('contact-preferences');
    given(discharged)
      .when(record({ ...stated, preferredChannels: ['phone', 'phone'] }))
      .thenThrows('contact-preferences');
    given(discharged)
      .when(record({ ...stated, preferredChannels: ['fax' as 'phone'] }))
      .thenThrows('contact-preferences');
  });

  it('contact-preferences: a window that does not run forward is refused', () => {
    given(discharged)
      .when(record({ ...stated, contactWindows: [{ days: ['mon'], from: '16:00', to: '10:00' }] }))
      .thenThrows('contact-preferences');
  });

  it('fact time: preferences recorded before the discharge are refused', () => {
    given(discharged)
      .when(record({ ...stated, at: '2027-01-15T10:00:00.000Z' }))
      .thenThrows('fact-time');
  });
});
