import { z } from 'zod';
import { goalStatus, interventionStatus, templateId } from '../data/care-plan';
import { channelConsentStatus, consentChannel } from '../data/contact';
import { payerClass } from '../data/coverage';
import { handoffKind } from '../data/handoff';
import {
  caregiverRelationship,
  functionalStatus,
  healthLiteracy,
  hrsnDomain,
  need,
} from '../data/needs';
import { count } from '../data/primitives';
import { episodeFacts, partKey } from './analytics-facts';

const itemKey = partKey.describe('The plan item, the same in each of its events.');
const dayOffset = (what: string) =>
  z
    .number()
    .int()
    .describe(`Whole local days from the discharge day to the day ${what}, as dayOffset counts.`);
const fromTemplate = templateId
  .optional()
  .describe('The tenant template the item was made from; absent when a coordinator wrote it.');

const ownerKind = z
  .enum(['coordinator', 'care_team', 'handoff'])
  .describe('Who carries the intervention out: a coordinator, a care team or a hand-off.');
const owner = {
  ownerKind,
  handoffKind: handoffKind.optional().describe('The service handed to, for a hand-off.'),
  needDomain: hrsnDomain
    .optional()
    .describe('The social need a community-resource referral is for.'),
};

const problemItem = z.object({
  item: z.literal('problem'),
  itemKey,
  source: z
    .enum(['need', 'diagnosis', 'free'])
    .describe('A social need of the screen, a diagnosis, or neither.'),
  needDomain: hrsnDomain.optional().describe('The need, for a problem from the screen.'),
  templateId: fromTemplate,
});

const goalItem = z.object({
  item: z.literal('goal'),
  itemKey,
  problemKey: partKey.describe('The problem the goal is for.'),
  targetDayOffset: dayOffset('the goal is to be met by'),
  templateId: fromTemplate,
});

const interventionItem = z.object({
  item: z.literal('intervention'),
  itemKey,
  goalKey: partKey.describe('The goal the intervention serves.'),
  ...owner,
  dueDayOffset: dayOffset('the intervention is due'),
  templateId: fromTemplate,
});

/** A plan item as analysts see it: its kind, keys, codes and day offsets, never its words. */
export const carePlanItem = z
  .discriminatedUnion('item', [problemItem, goalItem, interventionItem])
  .describe('A problem, goal or intervention, without its description.');

const planVersion = count.describe(
  'The version of the plan the change goes into: 0 while it is a draft, 1 once approved, one more with each revision.',
);

export const needsAssessedData = episodeFacts
  .extend({
    needs: z.array(need).describe('The positive screens, by domain and severity.'),
    screenedDomains: z
      .array(hrsnDomain)
      .describe('The domains the screen asked about (at least one answer in it).'),
    functionalStatus,
    healthLiteracy,
    interpreterNeeded: z.boolean(),
    caregiver: caregiverRelationship
      .optional()
      .describe(
        "The caregiver's relationship to the patient; absent without a caregiver. Never who.",
      ),
  })
  .describe(
    'The social needs were screened (AHC HRSN): the needs found, by domain and severity. The answers, the language and the caregiver are not published.',
  );

export const carePlanItemAddedData = episodeFacts
  .extend({ item: carePlanItem, planVersion })
  .describe('A problem, goal or intervention joined the care plan (its words are not published).');

export const carePlanItemRevisedData = episodeFacts
  .extend({
    item: z.enum(['problem', 'goal', 'intervention']),
    itemKey,
    changed: z
      .array(z.enum(['description', 'code', 'targetDate', 'owner', 'dueAt']))
      .describe('Which fields changed; their words are not published.'),
    targetDayOffset: dayOffset('the goal is now to be met by').optional(),
    dueDayOffset: dayOffset('the intervention is now due').optional(),
    ownerKind: ownerKind.optional().describe('The new owner, when it changed.'),
    handoffKind: owner.handoffKind,
    needDomain: owner.needDomain,
  })
  .describe('A plan item was revised.');

export const carePlanRevisedData = episodeFacts
  .extend({
    planVersion: count.describe('The version the revision makes.'),
    itemsAdded: count,
    itemsRevised: count,
  })
  .describe('The approved care plan was revised. Who revised it and why are not published.');

export const carePlanTemplateAppliedData = episodeFacts
  .extend({
    templateId,
    templateVersion: z.number().int().min(1),
    items: z.array(carePlanItem).describe('The items the template made.'),
    planVersion,
  })
  .describe("One of the tenant's care plan templates was made into plan items.");

export const carePlanInterventionStatusChangedData = episodeFacts
  .extend({
    itemKey,
    from: interventionStatus,
    to: interventionStatus,
    ...owner,
    dueDayOffset: dayOffset('the intervention is due'),
    onTime: z
      .boolean()
      .optional()
      .describe('Completed by its due time; present when it was completed.'),
    daysLate: count
      .optional()
      .describe(
        'Whole local days from its due day to its completion; 0 when on time or late on its due day. Present when it was completed.',
      ),
    byHandoff: z.boolean().describe("Its hand-off's closed loop changed it, not a person."),
  })
  .describe(
    "An intervention's progress; completed ones say whether on time and how late. The reason is not published.",
  );

export const carePlanGoalStatusChangedData = episodeFacts
  .extend({
    itemKey,
    from: goalStatus,
    to: goalStatus,
    targetDayOffset: dayOffset('the goal is to be met by'),
    onTime: z
      .boolean()
      .optional()
      .describe('Achieved by its target day; present when it was achieved.'),
  })
  .describe("A goal's progress. The reason is not published.");

export const coverageRecordedData = episodeFacts
  .extend({
    payerClass,
    planType: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,12}$/)
      .optional()
      .describe(
        'The plan type code as the feed sends it (HL7 IN1-15), e.g. HMO; absent when none or not a code.',
      ),
    source: z.enum(['feed', 'coordinator']),
  })
  .describe("The patient's coverage: its payer class, never the payer's name or the member.");

export const contactPreferencesRecordedData = episodeFacts
  .extend({
    preferredChannels: z.array(consentChannel).describe('Most preferred first.'),
    consent: z
      .object({
        phone: channelConsentStatus.optional(),
        sms: channelConsentStatus.optional(),
        email: channelConsentStatus.optional(),
        portal: channelConsentStatus.optional(),
        video: channelConsentStatus.optional(),
        in_person: channelConsentStatus.optional(),
      })
      .describe('Consent per channel; a channel left out was not asked about.'),
    contactWindows: count.describe('How many contact windows the patient gave; 0 is any time.'),
  })
  .describe(
    "The patient's channels and consent, as codes. Contact details and the hours of the windows are not published.",
  );
