import {
  automatedOutreachAllowed,
  channelRefused,
  contactWindowProblem,
  preferencesInForce,
  withinContactWindows,
  type ContactPreferences,
} from './contact-preferences';

const ZONE = 'America/New_York';
const preferences = (at: string, extra: Partial<ContactPreferences> = {}): ContactPreferences => ({
  at,
  recordedBy: 'rn-7',
  preferredChannels: ['sms', 'phone'],
  contactWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
  consent: { sms: { status: 'granted' }, email: { status: 'refused', refusalDocumented: true } },
  ...extra,
});
// Tuesday 19 January 2027.
const TUESDAY_NOON = '2027-01-19T17:00:00.000Z';
const TUESDAY_EVENING = '2027-01-19T23:30:00.000Z';
const SATURDAY_NOON = '2027-01-23T17:00:00.000Z';

describe('contact preferences and consent', () => {
  it('the preferences in force are the latest recorded by then; none before the first', () => {
    const history = [
      preferences('2027-01-16T15:00:00.000Z'),
      preferences('2027-01-20T15:00:00.000Z', { recordedBy: 'sw-3' }),
    ];
    expect(preferencesInForce(history, TUESDAY_NOON)?.recordedBy).toBe('rn-7');
    expect(preferencesInForce(history, '2027-01-21T15:00:00.000Z')?.recordedBy).toBe('sw-3');
    expect(preferencesInForce(history, '2027-01-16T14:00:00.000Z')).toBeUndefined();
  });

  it('contact-consent: a channel is refused only once the patient refused it', () => {
    const history = [preferences('2027-01-16T15:00:00.000Z')];
    expect(channelRefused(history, 'email', TUESDAY_NOON)).toBe(true);
    expect(channelRefused(history, 'email', '2027-01-16T14:00:00.000Z')).toBe(false);
    expect(channelRefused(history, 'phone', TUESDAY_NOON)).toBe(false);
    expect(channelRefused([], 'email', TUESDAY_NOON)).toBe(false);
  });

  it('contact windows are the patient’s local days and hours', () => {
    const [weekdays] = preferences(TUESDAY_NOON).contactWindows;
    expect(withinContactWindows([weekdays!], TUESDAY_NOON, ZONE)).toBe(true);
    expect(withinContactWindows([weekdays!], TUESDAY_EVENING, ZONE)).toBe(false);
    expect(withinContactWindows([weekdays!], SATURDAY_NOON, ZONE)).toBe(false);
    expect(withinContactWindows([], SATURDAY_NOON, ZONE)).toBe(true);
  });

  it('automated outreach needs a granted channel within the windows; a coordinator needs no refusal', () => {
    const history = [preferences('2027-01-16T15:00:00.000Z')];
    expect(automatedOutreachAllowed(history, 'sms', TUESDAY_NOON, ZONE)).toBe(true);
    expect(automatedOutreachAllowed(history, 'sms', TUESDAY_EVENING, ZONE)).toBe(false);
    expect(automatedOutreachAllowed(history, 'phone', TUESDAY_NOON, ZONE)).toBe(false);
    expect(automatedOutreachAllowed([], 'sms', TUESDAY_NOON, ZONE)).toBe(false);
  });

  it('contact-preferences: a window runs forward over known days, each once', () => {
    expect(contactWindowProblem({ days: ['sat'], from: '10:00', to: '12:00' })).toBeUndefined();
    expect(contactWindowProblem({ days: [], from: '10:00', to: '12:00' })).toBeDefined();
    expect(
      contactWindowProblem({ days: ['mon', 'mon'], from: '10:00', to: '12:00' }),
    ).toBeDefined();
    expect(contactWindowProblem({ days: ['mon'], from: '12:00', to: '10:00' })).toBeDefined();
    expect(contactWindowProblem({ days: ['mon'], from: '9:00', to: '24:00' })).toBeDefined();
  });
});
