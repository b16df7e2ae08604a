import {
  consentChannels,
  contactWindowProblem,
  type ContactPreferences,
} from '../contact/contact-preferences';
import type { RecordContactPreferences } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireAfterDischarge, requireOpen } from './guards';

const preferencesRule = (message: string) =>
  new DomainRuleViolation('contact-preferences', message);

/**
 * How the patient wants to be reached, and their consent per channel. CMS requires a refusal
 * to be documented, so a refused channel must say it was; a refused channel is never a
 * preferred one. The same record again (same instant and person) changes nothing.
 */
export function recordContactPreferences(
  { data }: RecordContactPreferences,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record contact preferences');
  requireAfterDischarge(episode, data.at, 'The contact preferences');
  const known = (episode.contactPreferences ?? []).some(
    (preferences) =>
      Date.parse(preferences.at) === Date.parse(data.at) &&
      preferences.recordedBy === data.recordedBy,
  );
  if (known) return [];
  const channels = [...data.preferredChannels, ...Object.keys(data.consent)];
  if (channels.some((channel) => !(consentChannels as readonly string[]).includes(channel))) {
    throw preferencesRule(`Channels are among ${consentChannels.join(', ')}.`);
  }
  if (new Set(data.preferredChannels).size < data.preferredChannels.length) {
    throw preferencesRule('Each preferred channel is listed once.');
  }
  for (const window of data.contactWindows) {
    const problem = contactWindowProblem(window);
    if (problem) throw preferencesRule(`Contact windows: ${problem}.`);
  }
  for (const channel of consentChannels) {
    const consent = data.consent[channel];
    if (consent === undefined) continue;
    if (consent.status !== 'granted' && consent.status !== 'refused') {
      throw preferencesRule(`Consent to ${channel} is granted or refused.`);
    }
    if (consent.status === 'refused' && consent.refusalDocumented !== true) {
      throw new DomainRuleViolation(
        'contact-consent',
        `The refusal of ${channel} contact must be documented.`,
      );
    }
    if (consent.status === 'refused' && data.preferredChannels.includes(channel)) {
      throw preferencesRule(`The patient refused ${channel}: it cannot be a preferred channel.`);
    }
  }
  const preferences: ContactPreferences = {
    at: data.at,
    recordedBy: data.recordedBy,
    ...(data.contactRef !== undefined ? { contactRef: data.contactRef } : {}),
    preferredChannels: [...data.preferredChannels],
    contactWindows: data.contactWindows.map(({ days, from, to }) => ({
      days: [...days],
      from,
      to,
    })),
    consent: Object.fromEntries(
      consentChannels.flatMap((channel) => {
        const consent = data.consent[channel];
        return consent ? [[channel, consent]] : [];
      }),
    ),
  };
  return [{ type: 'care.episode.contact_preferences_recorded.v1', data: preferences }];
}
