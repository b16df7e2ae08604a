import type { ContractViolation } from '../validation/contract-violation';
import { CONTRACTS_VERSION } from '../contracts-version';
import { episodeEventExamples } from '../episode-events/episode-event-examples';
import { exampleCloudEvent } from './example-cloud-event';

export interface InvalidEventCase {
  breaks: string;
  event: unknown;
  violations: ContractViolation[];
}

const discharge = exampleCloudEvent('care.episode.discharge_recorded.v1');

/** Events that break the contracts, each with exactly what a validator should say. */
export const invalidEpisodeEvents: InvalidEventCase[] = [
  {
    breaks: 'a value that is not an object',
    event: 'care.episode.discharge_recorded.v1',
    violations: [
      {
        path: '',
        code: 'invalid_type',
        message: 'Invalid input: expected object, received string',
      },
    ],
  },
  {
    breaks: 'a missing id',
    event: { ...discharge, id: undefined },
    violations: [{ path: 'id', code: 'invalid_type', message: 'required' }],
  },
  {
    breaks: 'another CloudEvents version',
    event: { ...discharge, specversion: '0.3' },
    violations: [
      { path: 'specversion', code: 'invalid_value', message: 'Invalid input: expected "1.0"' },
    ],
  },
  {
    breaks: 'a time without an offset',
    event: { ...discharge, time: '2026-11-20T20:30:00' },
    violations: [{ path: 'time', code: 'invalid_format', message: 'Invalid ISO datetime' }],
  },
  {
    breaks: 'a subject that is not an episode id',
    event: { ...discharge, subject: 'ENC-2026-114523' },
    violations: [{ path: 'subject', code: 'invalid_format', message: 'Invalid UUID' }],
  },
  {
    breaks: 'a tenant that is not a slug',
    event: { ...discharge, tenantid: 'General Hospital' },
    violations: [
      {
        path: 'tenantid',
        code: 'invalid_format',
        message: 'must be a tenant slug: lowercase letters, digits, dashes',
      },
    ],
  },
  {
    breaks: 'a sequence of 0',
    event: { ...discharge, sequence: '0' },
    violations: [
      {
        path: 'sequence',
        code: 'invalid_format',
        message: 'must be a stream version: a decimal integer from 1',
      },
    ],
  },
  {
    breaks: 'a numeric sequence',
    event: { ...discharge, sequence: 1 },
    violations: [
      {
        path: 'sequence',
        code: 'invalid_type',
        message: 'Invalid input: expected string, received number',
      },
    ],
  },
  {
    breaks: 'a malformed traceparent',
    event: { ...discharge, traceparent: '4bf92f3577b34da6a3ce929d0e0e4736' },
    violations: [
      { path: 'traceparent', code: 'invalid_format', message: 'must be a W3C traceparent' },
    ],
  },
  {
    breaks: 'a type without a version',
    event: { ...discharge, type: 'care.episode.discharge_recorded' },
    violations: [
      {
        path: 'type',
        code: 'invalid_format',
        message: 'must be a dotted event type ending in its version, e.g. .v1',
      },
    ],
  },
  {
    breaks: 'an event type the contracts do not define',
    event: { ...discharge, type: 'care.episode.transferred.v1' },
    violations: [
      {
        path: 'type',
        code: 'unknown_event_type',
        message: `care.episode.transferred.v1 is not an episode event type of contracts ${CONTRACTS_VERSION}`,
      },
    ],
  },
  {
    breaks: 'missing data',
    event: { ...discharge, data: undefined },
    violations: [{ path: 'data', code: 'invalid_type', message: 'required' }],
  },
  {
    breaks: 'data that is not an object',
    event: { ...discharge, data: ['episodeId'] },
    violations: [
      {
        path: 'data',
        code: 'invalid_type',
        message: 'Invalid input: expected record, received array',
      },
    ],
  },
  {
    breaks: 'an episode id that is not a UUID',
    event: exampleCloudEvent('care.episode.discharge_recorded.v1', { episodeId: 'episode-1' }),
    violations: [{ path: 'data.episodeId', code: 'invalid_format', message: 'Invalid UUID' }],
  },
  {
    breaks: 'a discharge without its time',
    event: exampleCloudEvent('care.episode.discharge_recorded.v1', { dischargedAt: undefined }),
    violations: [{ path: 'data.dischargedAt', code: 'invalid_type', message: 'required' }],
  },
  {
    breaks: 'a holiday that is not a date',
    event: exampleCloudEvent('care.episode.tcm_clocks_started.v1', {
      calendar: { timeZone: 'America/New_York', holidays: ['2026-13-01'] },
    }),
    violations: [
      { path: 'data.calendar.holidays[0]', code: 'invalid_format', message: 'Invalid ISO date' },
    ],
  },
  {
    breaks: 'a negative LACE score and an unknown tier',
    event: exampleCloudEvent('care.episode.assessment_recorded.v1', {
      lace: { score: -1, components: { l: 1, a: 3, c: 0, e: 0 }, tier: 'extreme' },
    }),
    violations: [
      {
        path: 'data.lace.score',
        code: 'too_small',
        message: 'Too small: expected number to be >=0',
      },
      {
        path: 'data.lace.tier',
        code: 'invalid_value',
        message: 'Invalid option: expected one of "low"|"moderate"|"high"',
      },
    ],
  },
  {
    breaks: 'an unknown hand-off kind',
    event: exampleCloudEvent('care.episode.plan_approved.v1', { handoffKinds: ['pcp', 'hospice'] }),
    violations: [
      {
        path: 'data.handoffKinds[1]',
        code: 'invalid_value',
        message:
          'Invalid option: expected one of "pcp"|"specialist"|"home_health"|"snf"|"community_resource"',
      },
    ],
  },
  {
    breaks: 'a breach count of 0',
    event: exampleCloudEvent('care.episode.handoff_escalated.v1', { breach: 0 }),
    violations: [
      { path: 'data.breach', code: 'too_small', message: 'Too small: expected number to be >=1' },
    ],
  },
  {
    breaks: 'a contact result that is not a boolean',
    event: exampleCloudEvent('care.episode.contact_attempted.v1', { reached: 'yes' }),
    violations: [
      {
        path: 'data.reached',
        code: 'invalid_type',
        message: 'Invalid input: expected boolean, received string',
      },
    ],
  },
  {
    breaks: 'a fractional day count',
    event: exampleCloudEvent('care.episode.readmission_recorded.v1', { daysAfterDischarge: 2.5 }),
    violations: [
      {
        path: 'data.daysAfterDischarge',
        code: 'invalid_type',
        message: 'Invalid input: expected int, received number',
      },
    ],
  },
  {
    breaks: 'an encounter change the contracts do not name',
    event: exampleCloudEvent('care.episode.encounter_changed.v1', { change: 'discharge' }),
    violations: [
      {
        path: 'data.change',
        code: 'invalid_value',
        message: 'Invalid option: expected one of "transfer"|"to-inpatient"|"to-outpatient"',
      },
    ],
  },
  {
    breaks: 'an ED revisit without its encounter',
    event: exampleCloudEvent('care.episode.ed_revisit_recorded.v1', { encounterId: '' }),
    violations: [
      {
        path: 'data.encounterId',
        code: 'too_small',
        message: 'Too small: expected string to have >=1 characters',
      },
    ],
  },
  {
    breaks: "a caregiver's name and phone number instead of a reference",
    event: exampleCloudEvent('care.episode.needs_assessed.v1', {
      caregiver: { relationship: 'child', caregiverRef: 'Maria Lopez 413-555-0142' },
    }),
    violations: [
      {
        path: 'data.caregiver.caregiverRef',
        code: 'invalid_format',
        message: 'must be a reference RelatedPerson/<id>',
      },
    ],
  },
  {
    breaks: 'a screen answer that is not a LOINC code',
    event: exampleCloudEvent('care.episode.needs_assessed.v1', {
      hrsnAnswers: [{ question: '71802-3', answer: 'we sleep in the car' }],
    }),
    violations: [
      {
        path: 'data.hrsnAnswers[0].answer',
        code: 'invalid_format',
        message: 'must be a LOINC answer code',
      },
    ],
  },
  {
    breaks: 'a member id in the payer name',
    event: exampleCloudEvent('care.episode.coverage_recorded.v1', {
      payerName: 'Atlantic Mutual XKW904417253',
    }),
    violations: [
      {
        path: 'data.payerName',
        code: 'invalid_format',
        message: 'must be a payer’s name: no e-mail address or long number',
      },
    ],
  },
  {
    breaks: 'an e-mail address instead of the contact details reference',
    event: exampleCloudEvent('care.episode.contact_preferences_recorded.v1', {
      contactRef: 'adaeze.okonkwo@mail.example',
    }),
    violations: [
      {
        path: 'data.contactRef',
        code: 'invalid_format',
        message: 'must be a reference Patient/<id> (optionally #telecom)',
      },
    ],
  },
  {
    breaks: 'a refused channel without the documented refusal',
    event: exampleCloudEvent('care.episode.contact_preferences_recorded.v1', {
      consent: { email: { status: 'refused' } },
    }),
    violations: [
      {
        path: 'data.consent.email.refusalDocumented',
        code: 'invalid_value',
        message: 'required',
      },
    ],
  },
  {
    breaks: 'a problem code of neither ICD-10-CM nor SNOMED CT',
    event: exampleCloudEvent('care.episode.care_plan_problem_added.v1', {
      problem: {
        ...episodeEventExamples['care.episode.care_plan_problem_added.v1'].problem,
        code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'food insecurity' },
      },
    }),
    violations: [
      {
        path: 'data.problem.code.code',
        code: 'invalid_format',
        message: 'must be an ICD-10-CM code (e.g. I50.9) or a SNOMED CT concept id',
      },
    ],
  },
  {
    breaks: 'an intervention owned by nobody the contracts know',
    event: exampleCloudEvent('care.episode.care_plan_intervention_added.v1', {
      intervention: {
        ...episodeEventExamples['care.episode.care_plan_intervention_added.v1'].intervention,
        owner: { kind: 'family' },
      },
    }),
    violations: [
      {
        path: 'data.intervention.owner.kind',
        code: 'invalid_union',
        message: "Invalid discriminator value. Expected 'coordinator' | 'care_team' | 'handoff'",
      },
    ],
  },
  {
    breaks: 'a plan revision to version 1, which only the approval makes',
    event: exampleCloudEvent('care.episode.care_plan_revised.v1', { planVersion: 1 }),
    violations: [
      {
        path: 'data.planVersion',
        code: 'too_small',
        message: 'Too small: expected number to be >=2',
      },
    ],
  },
  {
    breaks: 'a stuck reason care.episode.stuck_flagged.v1 was not released with',
    event: exampleCloudEvent('care.episode.stuck_flagged.v1', {
      reasons: ['intervention-overdue'],
    }),
    violations: [
      {
        path: 'data.reasons[0]',
        code: 'invalid_value',
        message:
          'Invalid option: expected one of "stage-sla"|"handoff-sla"|"tcm-deadline"|"follow-up-overdue"|"idle"|"activity-failing"',
      },
    ],
  },
  {
    breaks: 'a failed rule care.episode.closed.v1 was not released with',
    event: exampleCloudEvent('care.episode.closed.v1', {
      outcome: { billable: false, failedRule: 'tcm-coverage', reason: 'not-billable: coverage' },
    }),
    violations: [
      {
        path: 'data.outcome.failedRule',
        code: 'invalid_value',
        message:
          'Invalid option: expected one of "tcm-assessment"|"tcm-contact"|"tcm-face-to-face"|"tcm-medication-reconciliation"',
      },
    ],
  },
  {
    breaks: 'a stuck flag without reasons',
    event: exampleCloudEvent('care.episode.stuck_flagged.v1', { reasons: [] }),
    violations: [
      {
        path: 'data.reasons',
        code: 'too_small',
        message: 'Too small: expected array to have >=1 items',
      },
    ],
  },
  {
    breaks: 'a billable outcome without its code',
    event: exampleCloudEvent('care.episode.closed.v1', { outcome: { billable: true } }),
    violations: [{ path: 'data.outcome.cptCode', code: 'invalid_value', message: 'required' }],
  },
  {
    breaks: 'an outcome that is neither billable nor not',
    event: exampleCloudEvent('care.episode.closed.v1', { outcome: { billable: 'yes' } }),
    violations: [
      {
        path: 'data.outcome.billable',
        code: 'invalid_union',
        message: "Invalid discriminator value. Expected 'true' | 'false'",
      },
    ],
  },
  {
    breaks: 'the envelope and the data at once',
    event: {
      ...exampleCloudEvent('care.episode.handoff_requested.v1', { kind: 'hospice' }),
      sequence: '-1',
    },
    violations: [
      {
        path: 'sequence',
        code: 'invalid_format',
        message: 'must be a stream version: a decimal integer from 1',
      },
      {
        path: 'data.kind',
        code: 'invalid_value',
        message:
          'Invalid option: expected one of "pcp"|"specialist"|"home_health"|"snf"|"community_resource"',
      },
    ],
  },
];
