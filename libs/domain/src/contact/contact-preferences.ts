import { DateTime } from 'luxon';
import type { ContactChannel } from '../care-episode/care-episode-event';

/** The channels a patient can agree to be reached on, or refuse. */
export const consentChannels = ['phone', 'sms', 'email', 'portal', 'video', 'in_person'] as const;

export type ConsentChannel = (typeof consentChannels)[number];

/** The consent channel a documented contact attempt uses. */
export const CONSENT_CHANNEL: Readonly<Record<ContactChannel, ConsentChannel>> = {
  phone: 'phone',
  video: 'video',
  in_person: 'in_person',
  portal: 'portal',
};

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof weekdays)[number];

/** Days and local hours (HH:MM, from inclusive, to exclusive) the patient wants to be reached. */
export interface ContactWindow {
  days: readonly Weekday[];
  from: string;
  to: string;
}

/** CMS requires a refusal to be documented: a refused channel says it was. */
export type ChannelConsent = { status: 'granted' } | { status: 'refused'; refusalDocumented: true };

/**
 * How the patient wants to be reached. Phone numbers and emails stay in the patients store,
 * behind `contactRef`.
 */
export type ContactPreferences = {
  at: string;
  recordedBy: string;
  contactRef?: string;
  /** Most preferred first. */
  preferredChannels: readonly ConsentChannel[];
  contactWindows: readonly ContactWindow[];
  consent: Readonly<Partial<Record<ConsentChannel, ChannelConsent>>>;
};

/** The preferences recorded last at or before `at`; undefined when none were by then. */
export const preferencesInForce = (
  history: readonly ContactPreferences[],
  at: string,
): ContactPreferences | undefined =>
  history
    .filter((preferences) => Date.parse(preferences.at) <= Date.parse(at))
    .reduce<ContactPreferences | undefined>(
      (latest, preferences) =>
        latest === undefined || Date.parse(preferences.at) >= Date.parse(latest.at)
          ? preferences
          : latest,
      undefined,
    );

/** Whether the patient had refused the channel at `at`; without preferences, nothing is refused. */
export const channelRefused = (
  history: readonly ContactPreferences[],
  channel: ConsentChannel,
  at: string,
): boolean => preferencesInForce(history, at)?.consent[channel]?.status === 'refused';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Why a contact window cannot be used, or undefined. */
export function contactWindowProblem(window: ContactWindow): string | undefined {
  if (window.days.length === 0 || new Set(window.days).size < window.days.length) {
    return 'a contact window names each of its days once, and at least one';
  }
  if (window.days.some((day) => !weekdays.includes(day))) {
    return `a contact window's days are among ${weekdays.join(', ')}`;
  }
  if (!HH_MM.test(window.from) || !HH_MM.test(window.to) || window.from >= window.to) {
    return `a contact window runs from one local time (HH:MM) to a later one, not ${window.from}–${window.to}`;
  }
  return undefined;
}

/** Whether `at`, in the patient's zone, falls in one of the windows; no windows allow any time. */
export function withinContactWindows(
  windows: readonly ContactWindow[],
  at: string,
  timeZone: string,
): boolean {
  if (windows.length === 0) return true;
  const local = DateTime.fromISO(at, { zone: timeZone });
  const day = weekdays[local.weekday - 1];
  const time = local.toFormat('HH:mm');
  return windows.some(
    (window) =>
      day !== undefined && window.days.includes(day) && window.from <= time && time < window.to,
  );
}

/**
 * Automated messages go out only on a channel the patient granted, within their windows: a
 * coordinator may still call unless the patient refused, a machine needs a yes.
 */
export function automatedOutreachAllowed(
  history: readonly ContactPreferences[],
  channel: ConsentChannel,
  at: string,
  timeZone: string,
): boolean {
  const preferences = preferencesInForce(history, at);
  return (
    preferences?.consent[channel]?.status === 'granted' &&
    withinContactWindows(preferences.contactWindows, at, timeZone)
  );
}
