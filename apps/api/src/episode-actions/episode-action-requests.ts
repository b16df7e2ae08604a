import {
  caregiverRelationships,
  clinicalCodeProblem,
  clinicalCodeSystems,
  consentChannels,
  functionalStatuses,
  handoffKinds,
  healthLiteracyLevels,
  hrsnDomains,
  payerClasses,
  weekdays,
} from '@care/domain';
import { z } from 'zod';
import { factTime } from '../episodes/fact-time';

const count = (max: number) => z.number().int().min(0).max(max);
export const reference = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** The bodies of the coordinator actions; who acted comes from the token, never the body. */
export const assessmentRequest = z.strictObject({
  at: factTime,
  lace: z.strictObject({
    lengthOfStayDays: count(365),
    acuteAdmission: z.boolean(),
    charlsonScore: count(40),
    edVisitsLast6Months: count(100),
  }),
  complexity: z.enum(['moderate', 'high']),
});

export const planApprovalRequest = z.strictObject({
  at: factTime,
  handoffKinds: z.array(z.enum(handoffKinds)).max(handoffKinds.length),
});

export const handoffRequest = z.strictObject({
  at: factTime,
  kind: z.enum(handoffKinds),
  assignee: reference,
});

export const handoffStepRequest = z.strictObject({ at: factTime });

export const handoffDeclineRequest = z.strictObject({
  at: factTime,
  reason: z.string().min(1).max(500),
});

export const contactAttemptRequest = z.strictObject({
  at: factTime,
  reached: z.boolean(),
  channel: z.enum(['phone', 'video', 'in_person', 'portal']),
});

export const documentedFactRequest = z.strictObject({ at: factTime });

export const handoffIdParam = z.uuid('must be a hand-off id (UUID)');

/** Free text a coordinator writes: a description or a reason, never more than 500 characters. */
const freeText = z.string().trim().min(1).max(500);
const reason = freeText.optional();

const uuidOf = (what: string) => z.uuid(`must be ${what} id (UUID)`);

/** The ids of existing plan items, in paths and bodies: the workflow draws them as UUIDs. */
export const problemIdParam = uuidOf('a problem');
export const goalIdParam = uuidOf('a goal');
export const interventionIdParam = uuidOf('an intervention');

/** A LOINC question code (e.g. 88122-7) and a LOINC answer code (e.g. LA28397-0). */
const loincCode = z.string().regex(/^\d{1,7}-\d$/, 'must be a LOINC code such as 88122-7');
const loincAnswer = z
  .string()
  .regex(/^LA\d{1,8}-\d$/, 'must be a LOINC answer code such as LA28397-0');

/** A BCP-47 language tag, e.g. es-MX. */
const languageTag = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP-47 language tag such as es-MX')
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'must be a BCP-47 language tag such as es-MX');

/** A phone number as people write them: digits with +, spaces, dots, dashes or brackets. */
const phoneNumber = z
  .string()
  .max(32)
  .regex(/^\+?[0-9][0-9 ().-]{5,30}$/, 'must be a phone number')
  .refine((phone) => phone.replace(/\D/g, '').length >= 7, 'must be a phone number');
const contactUse = z.enum(['home', 'mobile', 'work']).optional();

export const needsAssessmentRequest = z.strictObject({
  at: factTime,
  hrsnAnswers: z.array(z.strictObject({ question: loincCode, answer: loincAnswer })).max(40),
  functionalStatus: z.enum(functionalStatuses),
  /** Name and phone stay in the patients store; the episode gets the relationship and a reference. */
  caregiver: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      relationship: z.enum(caregiverRelationships),
      phone: phoneNumber.optional(),
    })
    .optional(),
  preferredLanguage: languageTag,
  interpreterNeeded: z.boolean(),
  healthLiteracy: z.enum(healthLiteracyLevels),
});

export const templateApplicationRequest = z.strictObject({
  at: factTime,
  templateId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\w.-]+$/, 'must be a template id'),
  reason,
});

const clinicalCode = z
  .strictObject({ system: z.enum(clinicalCodeSystems), code: z.string().min(1).max(20) })
  .superRefine((code, context) => {
    const problem = clinicalCodeProblem(code);
    if (problem) context.addIssue({ code: 'custom', path: ['code'], message: problem });
  });

const problemSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('need'), domain: z.enum(hrsnDomains) }),
  z.strictObject({ kind: z.literal('diagnosis') }),
  z.strictObject({ kind: z.literal('free') }),
]);

export const problemRequest = z.strictObject({
  at: factTime,
  reason,
  source: problemSource,
  code: clinicalCode.optional(),
  description: freeText,
});

/** A revision names at least one field to change. */
const someChange = <Shape extends z.ZodRawShape>(shape: Shape, fields: (keyof Shape)[]) =>
  z
    .strictObject({ at: factTime, reason, ...shape })
    .refine(
      (body) => fields.some((field) => (body as Record<keyof Shape, unknown>)[field] !== undefined),
      {
        message: `must change at least one of ${fields.join(', ')}`,
      },
    );

export const problemRevisionRequest = someChange(
  { description: freeText.optional(), code: clinicalCode.optional() },
  ['description', 'code'],
);

/** A local date (YYYY-MM-DD) in the tenant's zone. */
const localDate = z.iso.date('must be a date (YYYY-MM-DD)');
const dueAt = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with a time zone',
});

export const goalRequest = z.strictObject({
  at: factTime,
  reason,
  problemId: problemIdParam,
  description: freeText,
  targetDate: localDate,
});

export const goalRevisionRequest = someChange(
  { description: freeText.optional(), targetDate: localDate.optional() },
  ['description', 'targetDate'],
);

export const goalStatusRequest = z.strictObject({
  at: factTime,
  status: z.enum(['active', 'achieved', 'not_achieved', 'cancelled']),
  reason,
});

const interventionOwner = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('coordinator'), id: reference }),
  z.strictObject({ kind: z.literal('care_team'), team: reference }),
  z.strictObject({
    kind: z.literal('handoff'),
    handoffKind: z.enum(handoffKinds),
    needDomain: z.enum(hrsnDomains).optional(),
    assignee: reference.optional(),
  }),
]);

export const interventionRequest = z.strictObject({
  at: factTime,
  reason,
  goalId: goalIdParam,
  description: freeText,
  owner: interventionOwner,
  dueAt,
});

export const interventionRevisionRequest = someChange(
  {
    description: freeText.optional(),
    owner: interventionOwner.optional(),
    dueAt: dueAt.optional(),
  },
  ['description', 'owner', 'dueAt'],
);

export const interventionStatusRequest = z.strictObject({
  at: factTime,
  status: z.enum(['in_progress', 'completed', 'cancelled', 'failed']),
  reason,
});

/** Payer name and member id stay in the patients store; the episode gets the class and a reference. */
export const coverageRequest = z.strictObject({
  at: factTime,
  payerClass: z.enum(payerClasses),
  payerName: z.string().trim().min(1).max(200),
  planType: z.string().trim().min(1).max(40).optional(),
  memberId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
});

const hourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time (HH:MM)');

/** Phones and emails stay in the patients store; the episode gets channels, hours and consent. */
export const contactPreferencesRequest = z.strictObject({
  at: factTime,
  phones: z
    .array(z.strictObject({ value: phoneNumber, use: contactUse }))
    .max(5)
    .optional(),
  emails: z
    .array(z.strictObject({ value: z.email().max(254), use: contactUse }))
    .max(5)
    .optional(),
  preferredChannels: z.array(z.enum(consentChannels)).max(consentChannels.length),
  contactWindows: z
    .array(
      z.strictObject({
        days: z.array(z.enum(weekdays)).min(1).max(weekdays.length),
        from: hourMinute,
        to: hourMinute,
      }),
    )
    .max(14),
  /** A refusal must be documented (rule contact-consent): the rules refuse one that is not. */
  consent: z.partialRecord(
    z.enum(consentChannels),
    z.strictObject({
      status: z.enum(['granted', 'refused']),
      refusalDocumented: z.boolean().optional(),
    }),
  ),
});
