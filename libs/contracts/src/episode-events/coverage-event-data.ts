import { z } from 'zod';
import { channelConsent, consentChannel, contactWindow } from '../data/contact';
import { payerClass } from '../data/coverage';
import { contactRef, coverageRef } from '../data/patient-store-refs';
import { actor, timestamp } from '../data/primitives';

/** No e-mail address and no run of five digits or more: no phone number or member id fits. */
const NO_CONTACT_OR_NUMBER = /^(?!.*\d{5})[^@]+$/;

export const coverageRecordedData = z
  .object({
    at: timestamp.describe('When the coverage was in force from, as the feed or coordinator said.'),
    payerClass,
    payerName: z
      .string()
      .min(1)
      .max(120)
      .regex(NO_CONTACT_OR_NUMBER, 'must be a payer’s name: no e-mail address or long number')
      .optional()
      .describe('The payer (an organisation), e.g. Medicare; never the member.'),
    planType: z
      .string()
      .min(1)
      .max(40)
      .regex(NO_CONTACT_OR_NUMBER, 'must be a plan type: no e-mail address or long number')
      .optional()
      .describe('The plan type as the feed codes it (HL7 IN1-15), e.g. HMO.'),
    coverageRef: coverageRef.optional(),
    source: z
      .enum(['feed', 'coordinator'])
      .describe('The hospital feed (HL7 IN1) or a coordinator documented it.'),
    recordedBy: actor
      .optional()
      .describe('The coordinator who documented it; absent when the feed did.'),
  })
  .describe(
    "The patient's coverage, or a change of it; the member id stays in the patients store. At the close, a payer class that does not pay the tenant for TCM fails the tcm-coverage rule.",
  );

export const contactPreferencesRecordedData = z
  .object({
    at: timestamp,
    recordedBy: actor,
    contactRef: contactRef.optional(),
    preferredChannels: z
      .array(consentChannel)
      .readonly()
      .describe('The channels the patient prefers, most preferred first.'),
    contactWindows: z
      .array(contactWindow)
      .readonly()
      .describe('When the patient wants to be reached; none means at any time.'),
    consent: z
      .object({
        phone: channelConsent.optional(),
        sms: channelConsent.optional(),
        email: channelConsent.optional(),
        portal: channelConsent.optional(),
        video: channelConsent.optional(),
        in_person: channelConsent.optional(),
      })
      .readonly()
      .describe('Consent per channel; a channel left out was not asked about.'),
  })
  .describe(
    'How the patient wants to be reached and their consent per channel; phone numbers and e-mail addresses stay in the patients store. Automated messages go only to granted channels, within the windows.',
  );
