import { z } from 'zod';

export const consentChannel = z
  .enum(['phone', 'sms', 'email', 'portal', 'video', 'in_person'])
  .describe('A channel the patient can agree to be reached on, or refuse.');

export const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const localTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM');

export const contactWindow = z
  .object({
    days: z.array(weekday).min(1).readonly().describe('The days of the week, each once.'),
    from: localTime.describe("From this local time (patient's zone), inclusive."),
    to: localTime.describe('To this later local time, exclusive.'),
  })
  .describe('Days and local hours the patient wants to be reached.');

export const channelConsent = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('granted') }),
    z.object({
      status: z.literal('refused'),
      refusalDocumented: z.literal(true).describe('CMS requires a refusal to be documented.'),
    }),
  ])
  .describe('The patient granted the channel, or refused it (documented).');

export const channelConsentStatus = z.enum(['granted', 'refused']);
