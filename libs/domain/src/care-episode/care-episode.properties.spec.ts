import fc from 'fast-check';
import { addCalendarDays, localDateOf } from '../calendar/business-calendar';
import { applyTemplate, templateIdKeys } from '../care-plan/apply-template';
import {
  planApproved,
  type GoalStatus,
  type InterventionOwner,
  type InterventionStatus,
} from '../care-plan/care-plan';
import { DEFAULT_PLAN_TEMPLATES } from '../care-plan/default-plan-templates';
import type { PlanTemplate } from '../care-plan/plan-template';
import { CONSENT_CHANNEL, channelRefused } from '../contact/contact-preferences';
import { currentCoverage, DEFAULT_TCM_PAYER_CLASSES, payerClasses } from '../coverage/coverage';
import { DEFAULT_ESCALATION_LADDER, ladderSteps } from '../handoff/escalation-ladder';
import {
  handoffDue,
  handoffKinds,
  handoffPhase,
  isOpenHandoff,
  type HandoffKind,
} from '../handoff/handoff';
import { AHC_HRSN_QUESTIONS, type HrsnAnswer } from '../needs/ahc-hrsn-screen';
import { isHigherRiskTier, LACE_HIGH_RISK, type LaceInput } from '../risk/lace-index';
import type { TcmComplexity } from '../tcm/tcm-deadlines';
import type { TenantPolicy } from '../tenant/tenant-policy';
import type { ApplyLadderStep, CareEpisodeCommand } from './care-episode-command';
import {
  encounterChanges,
  type CareEpisodeEvent,
  type HandoffReassigned,
} from './care-episode-event';
import { careEpisodeStages, isTerminalStage, type CareEpisodeStage } from './care-episode-stage';
import {
  initialCareEpisodeState,
  type CareEpisodeState,
  type EpisodeDeadlines,
} from './care-episode-state';
import { decide } from './decide';
import { DomainRuleViolation } from './domain-rule-violation';
import { evolve } from './evolve';
import { foldCareEpisode } from './fold';
import { handoffLoopOpen } from './handoff-loop';
import { openDeadlines } from './open-deadlines';
import { currentRiskTier } from './risk-tier';
import { sameJson } from './same-json';

/** Friday 20 November 2026, 15:30 in New York: the week before Thanksgiving. */
const DISCHARGED_AT = Date.parse('2026-11-20T20:30:00.000Z');
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const iso = (instant: number): string => new Date(instant).toISOString();
const minutesAfterDischarge = (minutes: number): string => iso(DISCHARGED_AT + minutes * MINUTE_MS);

const handoffPolicy = (
  acceptWithinHours: number,
  completeWithinHours: number,
  fallbackAssignee: string,
) => ({ acceptWithinHours, completeWithinHours, fallbackAssignee });

/** Two realistic tenants: different zones, holidays, hand-off SLAs, ladders and stuck rules. */
const tenants: readonly TenantPolicy[] = [
  {
    tenantId: 'general-hospital',
    calendar: {
      timeZone: 'America/New_York',
      holidays: ['2026-11-26', '2026-12-25', '2027-01-01', '2027-01-18'],
    },
    handoffs: {
      pcp: handoffPolicy(24, 72, 'org/pcp-pool'),
      specialist: handoffPolicy(48, 168, 'org/specialist-pool'),
      home_health: handoffPolicy(24, 48, 'org/home-health-pool'),
      snf: handoffPolicy(12, 24, 'org/snf-pool'),
      community_resource: handoffPolicy(72, 336, 'org/community-pool'),
    },
    ladder: DEFAULT_ESCALATION_LADDER,
    stuck: { idleHours: 72, stageSlaHours: { intake: 4, assessment: 24, planning: 24 } },
  },
  {
    tenantId: 'klinikum-mitte',
    calendar: {
      timeZone: 'Europe/Berlin',
      holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'],
    },
    handoffs: {
      pcp: handoffPolicy(8, 120, 'org/hausarzt-pool'),
      specialist: handoffPolicy(72, 96, 'org/facharzt-pool'),
      home_health: handoffPolicy(4, 12, 'org/pflege-pool'),
      snf: handoffPolicy(48, 24, 'org/reha-pool'),
      community_resource: handoffPolicy(96, 48, 'org/sozialdienst'),
    },
    ladder: { remindAtPercent: 25, escalateAtPercent: 75, reassignOnBreach: 3 },
    stuck: { idleHours: 48, stageSlaHours: { intake: 2, assessment: 12, planning: 48 } },
  },
];

/** The last instant of the service period (discharge day + 29) in each tenant's zone. */
const SERVICE_PERIOD_ENDS = ['2026-12-20T04:59:59.999Z', '2026-12-19T22:59:59.999Z'];

const HANDOFF_IDS = ['h-1', 'h-2', 'h-3'] as const;

/** Any minute from two days before the discharge to well after the service period. */
const instant = fc
  .integer({ min: -2 * DAY_MINUTES, max: 33 * DAY_MINUTES })
  .map(minutesAfterDischarge);
const closingInstant = fc.oneof(
  instant,
  fc.integer({ min: 28 * DAY_MINUTES, max: 31 * DAY_MINUTES }).map(minutesAfterDischarge),
  fc
    .tuple(fc.constantFrom(...SERVICE_PERIOD_ENDS), fc.integer({ min: -1, max: 1 }))
    .map(([end, offset]) => iso(Date.parse(end) + offset)),
);
const handoffId = fc.constantFrom(...HANDOFF_IDS);
/** Minutes from the start of a hand-off's running phase to the coordinator's action. */
const loopDelay = fc.integer({ min: -2 * 60, max: 8 * DAY_MINUTES });
const handoffKind = fc.constantFrom(...handoffKinds);
const lace: fc.Arbitrary<LaceInput> = fc.record({
  lengthOfStayDays: fc.integer({ min: 0, max: 20 }),
  acuteAdmission: fc.boolean(),
  charlsonScore: fc.integer({ min: 0, max: 6 }),
  edVisitsLast6Months: fc.integer({ min: 0, max: 6 }),
});
const complexity = fc.constantFrom<TcmComplexity>('moderate', 'high');

const PROBLEM_IDS = ['p-1', 'p-2'] as const;
const GOAL_IDS = ['g-1', 'g-2', 'g-3'] as const;
const INTERVENTION_IDS = ['i-1', 'i-2', 'i-3', 'i-4'] as const;
/** Hand-off ids for interventions, one of them shared with the hand-offs requested directly. */
const REFERRAL_IDS = ['h-c-1', 'h-c-2', 'h-1'] as const;
const reason = fc.option(fc.constantFrom('patient asked', 'new finding'), { nil: undefined });
const withReason = <T extends object>(data: T, why: string | undefined) =>
  why === undefined ? data : { ...data, reason: why };
/** A local date from the day before the discharge day to well after the service period. */
const targetDate = fc
  .integer({ min: -1, max: 32 })
  .map((days) => addCalendarDays('2026-11-20', days));
const hrsnAnswer: fc.Arbitrary<HrsnAnswer> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.constantFrom(
      ...Object.entries(AHC_HRSN_QUESTIONS).flatMap(([question, { answers }]) =>
        Object.keys(answers).map((answer) => ({ question, answer })),
      ),
    ),
  },
  { weight: 1, arbitrary: fc.constant({ question: '71802-3', answer: 'LA33-6' }) },
);
const owner: fc.Arbitrary<InterventionOwner> = fc.constantFrom<InterventionOwner>(
  { kind: 'coordinator', id: 'rn-1' },
  { kind: 'care_team', team: 'care-team/pharmacy' },
  { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'food' },
  { kind: 'handoff', handoffKind: 'community_resource', needDomain: 'transportation' },
  { kind: 'handoff', handoffKind: 'specialist' },
);
const PROPERTY_TEMPLATES = DEFAULT_PLAN_TEMPLATES.filter(({ templateId }) =>
  ['hrrp-heart-failure', 'need-food', 'need-utilities'].includes(templateId),
);
/** The ids a workflow would derive for a template, the same on every delivery. */
const idsFor = (template: PlanTemplate): Record<string, string> =>
  Object.fromEntries(templateIdKeys(template).map((key) => [key, `${template.templateId}:${key}`]));
const channel = fc.constantFrom('phone' as const, 'video' as const, 'in_person' as const);
const consent = fc.constantFrom(
  { status: 'granted' as const },
  { status: 'refused' as const, refusalDocumented: true as const },
);

/** The coordinator's side: needs, the care plan, coverage and contact preferences. */
function coordinatorIntents(policy: TenantPolicy): fc.WeightedArbitrary<Intent>[] {
  const weighted = (weight: number, arbitrary: fc.Arbitrary<Intent>) => ({ weight, arbitrary });
  return [
    weighted(
      2,
      fc
        .record({ at: instant, hrsnAnswers: fc.array(hrsnAnswer, { maxLength: 6 }) })
        .map(({ at, hrsnAnswers }) =>
          send({
            type: 'RecordNeedsAssessment',
            data: {
              at,
              assessedBy: 'sw-1',
              hrsnAnswers,
              functionalStatus: 'needs_some_help',
              caregiver: { relationship: 'child', caregiverRef: 'RelatedPerson/1' },
              preferredLanguage: 'es-MX',
              interpreterNeeded: true,
              healthLiteracy: 'limited',
            },
          }),
        ),
    ),
    weighted(
      3,
      fc
        .record({ at: instant, problemId: fc.constantFrom(...PROBLEM_IDS), why: reason })
        .map(({ at, problemId, why }) =>
          send({
            type: 'AddCarePlanProblem',
            data: withReason(
              {
                at,
                addedBy: 'rn-1',
                problem: {
                  problemId,
                  source: { kind: 'need', domain: 'food' },
                  description: `problem ${problemId}`,
                },
              },
              why,
            ),
          }),
        ),
    ),
    weighted(
      3,
      fc
        .record({
          at: instant,
          goalId: fc.constantFrom(...GOAL_IDS),
          problemId: fc.constantFrom(...PROBLEM_IDS),
          targetDate,
          why: reason,
        })
        .map(({ at, goalId, problemId, targetDate: date, why }) =>
          send({
            type: 'AddCarePlanGoal',
            data: withReason(
              {
                at,
                addedBy: 'rn-1',
                goal: { goalId, problemId, description: `goal ${goalId}`, targetDate: date },
              },
              why,
            ),
          }),
        ),
    ),
    weighted(
      4,
      fc
        .record({
          at: instant,
          interventionId: fc.constantFrom(...INTERVENTION_IDS),
          goalId: fc.constantFrom(...GOAL_IDS),
          owner,
          handoffId: fc.constantFrom(...REFERRAL_IDS),
          dueAt: instant,
          why: reason,
        })
        .map(({ at, interventionId, goalId, owner: by, handoffId: referral, dueAt, why }) =>
          send({
            type: 'AddCarePlanIntervention',
            data: withReason(
              {
                at,
                addedBy: 'rn-1',
                intervention: {
                  interventionId,
                  goalId,
                  description: `intervention ${interventionId}`,
                  owner: by,
                  dueAt,
                  ...(by.kind === 'handoff' ? { handoffId: referral } : {}),
                },
                handoffs: policy.handoffs,
              },
              why,
            ),
          }),
        ),
    ),
    weighted(
      2,
      fc
        .record({
          at: instant,
          problemId: fc.constantFrom(...PROBLEM_IDS),
          description: fc.constantFrom('food insecurity', 'no food at home'),
          why: reason,
        })
        .map(({ at, problemId, description, why }) =>
          send({
            type: 'ReviseCarePlanProblem',
            data: withReason({ at, revisedBy: 'rn-1', problemId, changes: { description } }, why),
          }),
        ),
    ),
    weighted(
      2,
      fc
        .record({ at: instant, goalId: fc.constantFrom(...GOAL_IDS), targetDate, why: reason })
        .map(({ at, goalId, targetDate: date, why }) =>
          send({
            type: 'ReviseCarePlanGoal',
            data: withReason({ at, revisedBy: 'rn-1', goalId, changes: { targetDate: date } }, why),
          }),
        ),
    ),
    weighted(
      3,
      fc
        .record({
          at: instant,
          interventionId: fc.constantFrom(...INTERVENTION_IDS),
          dueAt: fc.option(instant, { nil: undefined }),
          owner: fc.option(owner, { nil: undefined }),
          why: reason,
        })
        .map(({ at, interventionId, dueAt, owner: by, why }) =>
          send({
            type: 'ReviseCarePlanIntervention',
            data: withReason(
              { at, revisedBy: 'rn-1', interventionId, changes: { dueAt, owner: by } },
              why,
            ),
          }),
        ),
    ),
    weighted(
      3,
      fc
        .record({
          at: instant,
          interventionId: fc.constantFrom(...INTERVENTION_IDS),
          status: fc.constantFrom<Exclude<InterventionStatus, 'requested'>>(
            'in_progress',
            'completed',
            'cancelled',
            'failed',
          ),
          why: reason,
        })
        .map(({ at, interventionId, status, why }) =>
          send({
            type: 'ChangeInterventionStatus',
            data: withReason({ at, changedBy: 'rn-1', interventionId, status }, why),
          }),
        ),
    ),
    weighted(
      2,
      fc
        .record({
          at: instant,
          goalId: fc.constantFrom(...GOAL_IDS),
          status: fc.constantFrom<Exclude<GoalStatus, 'proposed'>>(
            'active',
            'achieved',
            'not_achieved',
            'cancelled',
          ),
          why: reason,
        })
        .map(({ at, goalId, status, why }) =>
          send({
            type: 'ChangeGoalStatus',
            data: withReason({ at, changedBy: 'rn-1', goalId, status }, why),
          }),
        ),
    ),
    weighted(
      3,
      fc
        .record({ at: instant, template: fc.constantFrom(...PROPERTY_TEMPLATES), why: reason })
        .map(({ at, template, why }) =>
          send({
            type: 'ApplyCarePlanTemplate',
            data: withReason(
              {
                at,
                appliedBy: 'rn-1',
                template,
                ids: idsFor(template),
                handoffs: policy.handoffs,
              },
              why,
            ),
          }),
        ),
    ),
    weighted(
      2,
      fc
        .record({
          at: instant,
          payerClass: fc.constantFrom(...payerClasses),
          source: fc.constantFrom('feed' as const, 'coordinator' as const),
        })
        .map(({ at, payerClass, source }) =>
          send({
            type: 'RecordCoverage',
            data: {
              at,
              payerClass,
              source,
              ...(source === 'coordinator' ? { recordedBy: 'rn-1' } : {}),
            },
          }),
        ),
    ),
    weighted(
      2,
      fc
        .record({ at: instant, phone: consent, video: consent, inPerson: consent })
        .map(({ at, phone, video, inPerson }) =>
          send({
            type: 'RecordContactPreferences',
            data: {
              at,
              recordedBy: 'rn-1',
              preferredChannels: [],
              contactWindows: [],
              consent: { phone, video, in_person: inPerson },
            },
          }),
        ),
    ),
  ];
}

/**
 * What the workflow would send. Ladder steps are computed, as the workflow does, from the
 * hand-off's running phase at the time; they may be delivered late or twice.
 */
type Intent =
  | { kind: 'command'; command: CareEpisodeCommand }
  | { kind: 'loop'; action: 'accept' | 'decline' | 'complete'; handoffId: string; delay: number }
  | { kind: 'ladder'; handoffId: string; stepIndex: number }
  | { kind: 'redeliver'; index: number };

const send = (command: CareEpisodeCommand): Intent => ({ kind: 'command', command });

function intents(policy: TenantPolicy): fc.Arbitrary<Intent> {
  const { calendar } = policy;
  const weighted = (weight: number, arbitrary: fc.Arbitrary<Intent>) => ({ weight, arbitrary });
  return fc.oneof(
    weighted(
      2,
      fc.constantFrom('episode-1', 'episode-2').map((episodeId) =>
        send({
          type: 'RecordDischarge',
          data: {
            episodeId,
            tenantId: policy.tenantId,
            encounterId: 'ENC-1',
            patientRef: 'Patient/1',
            dischargedAt: iso(DISCHARGED_AT),
          },
        }),
      ),
    ),
    weighted(
      2,
      instant.map((at) => send({ type: 'StartTcmClocks', data: { at, calendar } })),
    ),
    weighted(
      2,
      fc
        .record({ at: instant, lace, complexity })
        .map((data) => send({ type: 'RecordAssessment', data: { ...data, assessedBy: 'rn-1' } })),
    ),
    weighted(
      2,
      fc
        .record({ at: instant, handoffKinds: fc.array(handoffKind, { maxLength: 3 }) })
        .map((data) =>
          send({
            type: 'ApprovePlan',
            data: { ...data, approvedBy: 'dr-1', handoffs: policy.handoffs },
          }),
        ),
    ),
    weighted(
      8,
      fc.record({ at: instant, handoffId, kind: handoffKind }).map(({ at, handoffId: id, kind }) =>
        send({
          type: 'RequestHandoff',
          data: {
            at,
            handoffId: id,
            kind,
            assignee: `org/${kind}-first`,
            acceptWithinHours: policy.handoffs[kind].acceptWithinHours,
          },
        }),
      ),
    ),
    ...(['accept', 'decline', 'complete'] as const).map((action) =>
      weighted(
        { accept: 8, decline: 2, complete: 6 }[action],
        fc
          .record({ handoffId, delay: loopDelay })
          .map((data): Intent => ({ kind: 'loop', action, ...data })),
      ),
    ),
    weighted(
      10,
      fc
        .record({ handoffId, stepIndex: fc.nat({ max: 3 }) })
        .map((data): Intent => ({ kind: 'ladder', ...data })),
    ),
    weighted(
      4,
      fc.nat({ max: 20 }).map((index): Intent => ({ kind: 'redeliver', index })),
    ),
    weighted(
      3,
      fc
        .record({
          at: instant,
          reached: fc.boolean(),
          channel,
        })
        .map((data) =>
          send({ type: 'RecordContactAttempt', data: { ...data, attemptedBy: 'rn-1' } }),
        ),
    ),
    weighted(
      2,
      instant.map((at) =>
        send({ type: 'RecordFaceToFaceVisit', data: { at, recordedBy: 'dr-1' } }),
      ),
    ),
    weighted(
      2,
      instant.map((at) =>
        send({ type: 'RecordMedicationReconciliation', data: { at, reconciledBy: 'pharm-1' } }),
      ),
    ),
    weighted(
      2,
      fc
        .record({
          encounter: fc.integer({ min: 1, max: 3 }),
          admittedAt: fc
            .integer({ min: -2 * DAY_MINUTES, max: 32 * DAY_MINUTES })
            .map(minutesAfterDischarge),
        })
        .map(({ encounter, admittedAt }) =>
          send({
            type: 'RecordReadmission',
            data: { admissionEncounterId: `ENC-R${encounter}`, admittedAt },
          }),
        ),
    ),
    weighted(
      1,
      fc
        .record({ encounter: fc.integer({ min: 1, max: 3 }), cancelledAt: instant })
        .map(({ encounter, cancelledAt }) =>
          send({
            type: 'CancelReadmission',
            data: { admissionEncounterId: `ENC-R${encounter}`, cancelledAt },
          }),
        ),
    ),
    weighted(
      2,
      instant.map((at) => send({ type: 'ReplanFollowUpAfterReadmission', data: { at } })),
    ),
    weighted(
      3,
      fc
        .record({
          encounter: fc.integer({ min: 1, max: 3 }),
          arrivedAt: fc
            .integer({ min: -2 * DAY_MINUTES, max: 32 * DAY_MINUTES })
            .map(minutesAfterDischarge),
        })
        .map(({ encounter, arrivedAt }) =>
          send({ type: 'RecordEdRevisit', data: { encounterId: `ENC-E${encounter}`, arrivedAt } }),
        ),
    ),
    weighted(
      2,
      instant.map((at) => send({ type: 'ReplanFollowUpAfterRiskTierRaised', data: { at } })),
    ),
    weighted(
      1,
      fc
        .record({
          encounter: fc.integer({ min: 1, max: 3 }),
          change: fc.constantFrom(...encounterChanges),
          patientClass: fc.option(fc.constantFrom('E', 'I', 'O'), { nil: undefined }),
          changedAt: instant,
        })
        .map(({ encounter, change, patientClass, changedAt }) =>
          send({
            type: 'RecordEncounterChange',
            data: {
              encounterId: `ENC-E${encounter}`,
              change,
              ...(patientClass ? { patientClass } : {}),
              changedAt,
            },
          }),
        ),
    ),
    weighted(
      3,
      fc
        .record({ at: instant, activityFailing: fc.boolean() })
        .map((data) => send({ type: 'EvaluateStuck', data: { ...data, policy: policy.stuck } })),
    ),
    weighted(
      1,
      fc
        .record({
          at: closingInstant,
          tcmPayerClasses: fc.option(fc.subarray([...payerClasses], { minLength: 1 }), {
            nil: undefined,
          }),
        })
        .map(({ at, tcmPayerClasses }) =>
          send({
            type: 'CloseEpisode',
            data: { at, ...(tcmPayerClasses ? { tcmPayerClasses } : {}) },
          }),
        ),
    ),
    weighted(
      1,
      instant.map((cancelledAt) =>
        send({ type: 'CancelDischarge', data: { reason: 'A13', cancelledAt } }),
      ),
    ),
    ...coordinatorIntents(policy),
  );
}

/** Up to the first four commands of the usual path, so that later stages are reached often; a draft plan between the assessment and the approval now and then. */
function usualStart(policy: TenantPolicy): fc.Arbitrary<Intent[]> {
  return fc
    .record({
      length: fc.oneof(fc.constant(4), fc.integer({ min: 0, max: 3 })),
      clocksAfter: fc.integer({ min: 0, max: 6 * 60 }),
      assessedAfter: fc.integer({ min: 0, max: 3 * DAY_MINUTES }),
      plannedAfter: fc.integer({ min: 0, max: 3 * DAY_MINUTES }),
      lace,
      complexity,
      handoffKinds: fc.subarray([...handoffKinds], { maxLength: 3 }),
      draft: fc.boolean(),
      draftOwner: owner,
      dueAfter: fc.integer({ min: 0, max: 10 * DAY_MINUTES }),
    })
    .map((start) => {
      const clocksAt = start.clocksAfter;
      const assessedAt = clocksAt + start.assessedAfter;
      const plannedAt = assessedAt + start.plannedAfter;
      const draftedAt = minutesAfterDischarge(assessedAt);
      const draft: CareEpisodeCommand[] = [
        {
          type: 'AddCarePlanProblem',
          data: {
            at: draftedAt,
            addedBy: 'rn-1',
            problem: { problemId: 'p-1', source: { kind: 'free' }, description: 'problem p-1' },
          },
        },
        {
          type: 'AddCarePlanGoal',
          data: {
            at: draftedAt,
            addedBy: 'rn-1',
            goal: {
              goalId: 'g-1',
              problemId: 'p-1',
              description: 'goal g-1',
              targetDate: localDateOf(
                minutesAfterDischarge(start.dueAfter),
                policy.calendar.timeZone,
              ),
            },
          },
        },
        {
          type: 'AddCarePlanIntervention',
          data: {
            at: draftedAt,
            addedBy: 'rn-1',
            intervention: {
              interventionId: 'i-1',
              goalId: 'g-1',
              description: 'intervention i-1',
              owner: start.draftOwner,
              dueAt: minutesAfterDischarge(start.dueAfter),
              ...(start.draftOwner.kind === 'handoff' ? { handoffId: 'h-c-1' } : {}),
            },
          },
        },
      ];
      const path: CareEpisodeCommand[] = [
        {
          type: 'RecordDischarge',
          data: {
            episodeId: 'episode-1',
            tenantId: policy.tenantId,
            encounterId: 'ENC-1',
            patientRef: 'Patient/1',
            dischargedAt: iso(DISCHARGED_AT),
          },
        },
        {
          type: 'StartTcmClocks',
          data: { at: minutesAfterDischarge(clocksAt), calendar: policy.calendar },
        },
        {
          type: 'RecordAssessment',
          data: {
            at: minutesAfterDischarge(assessedAt),
            assessedBy: 'rn-1',
            lace: start.lace,
            complexity: start.complexity,
          },
        },
        ...(start.draft ? draft : []),
        {
          type: 'ApprovePlan',
          data: {
            at: minutesAfterDischarge(plannedAt),
            approvedBy: 'dr-1',
            handoffKinds: start.handoffKinds,
            handoffs: policy.handoffs,
          },
        },
      ];
      return (start.length === 4 ? path : path.slice(0, start.length)).map(send);
    });
}

const scenario = fc.constantFrom(...tenants).chain((policy) =>
  fc.record({
    policy: fc.constant(policy),
    intents: fc
      .tuple(usualStart(policy), fc.array(intents(policy), { maxLength: 40, size: 'max' }))
      .map(([start, rest]) => [...start, ...rest]),
  }),
);

/** Turns an intent into the command the workflow would send in this state, if any. */
function materialize(
  intent: Intent,
  state: CareEpisodeState,
  policy: TenantPolicy,
  timers: ApplyLadderStep[],
): CareEpisodeCommand | undefined {
  const handoffs = state.status === 'open' ? state.handoffs : [];
  switch (intent.kind) {
    case 'command':
      return intent.command;
    case 'loop': {
      const known = handoffs.find((handoff) => handoff.handoffId === intent.handoffId);
      const since = known ? Date.parse(known.phaseStartedAt) : DISCHARGED_AT;
      const at = iso(since + intent.delay * MINUTE_MS);
      const { handoffId: id } = intent;
      if (intent.action === 'decline') {
        return { type: 'DeclineHandoff', data: { at, handoffId: id, reason: 'no capacity' } };
      }
      if (intent.action === 'complete')
        return { type: 'CompleteHandoff', data: { at, handoffId: id } };
      const kind: HandoffKind = known?.kind ?? 'pcp';
      const { completeWithinHours } = policy.handoffs[kind];
      return { type: 'AcceptHandoff', data: { at, handoffId: id, completeWithinHours } };
    }
    case 'redeliver':
      return timers.length === 0 ? undefined : timers[intent.index % timers.length];
    case 'ladder': {
      const handoff = handoffs.find((candidate) => candidate.handoffId === intent.handoffId);
      if (!handoff || !isOpenHandoff(handoff)) {
        return {
          type: 'ApplyLadderStep',
          data: {
            handoffId: intent.handoffId,
            phase: 'acceptance',
            phaseStartedAt: iso(DISCHARGED_AT),
            step: { step: 'remind', at: iso(DISCHARGED_AT) },
            reassignTo: 'org/nobody',
            acceptWithinHours: 24,
          },
        };
      }
      const steps = ladderSteps(handoff.phaseStartedAt, handoffDue(handoff)!, policy.ladder);
      const command: ApplyLadderStep = {
        type: 'ApplyLadderStep',
        data: {
          handoffId: handoff.handoffId,
          phase: handoffPhase(handoff),
          phaseStartedAt: handoff.phaseStartedAt,
          step: steps[intent.stepIndex % steps.length]!,
          reassignTo: policy.handoffs[handoff.kind].fallbackAssignee,
          acceptWithinHours: policy.handoffs[handoff.kind].acceptWithinHours,
        },
      };
      timers.push(command);
      return command;
    }
    default: {
      const unknownIntent: never = intent;
      return unknownIntent;
    }
  }
}

interface Step {
  before: CareEpisodeState;
  command: CareEpisodeCommand;
  produced: CareEpisodeEvent[];
  after: CareEpisodeState;
}

/** Runs commands as the workflow does: a refused command leaves the state as it was. */
function run(policy: TenantPolicy, sequence: readonly Intent[]) {
  let state: CareEpisodeState = initialCareEpisodeState;
  const events: CareEpisodeEvent[] = [];
  const steps: Step[] = [];
  const timers: ApplyLadderStep[] = [];
  for (const intent of sequence) {
    const command = materialize(intent, state, policy, timers);
    if (!command) continue;
    let produced: CareEpisodeEvent[] = [];
    try {
      produced = decide(command, state);
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
    }
    const after = produced.reduce(evolve, state);
    steps.push({ before: state, command, produced, after });
    events.push(...produced);
    state = after;
  }
  return { state, events, steps };
}

const openStages = careEpisodeStages.filter((stage) => !isTerminalStage(stage));
const ALLOWED_STAGE_CHANGES = new Set<string>([
  'intake → assessment',
  'assessment → planning',
  'planning → handoff',
  'planning → follow_up',
  'handoff → follow_up',
  'follow_up → handoff',
  ...openStages.map((stage) => `${stage} → closed`),
  ...openStages.map((stage) => `${stage} → cancelled`),
]);
const stageOf = (state: CareEpisodeState): CareEpisodeStage | undefined =>
  state.status === 'open' ? state.stage : undefined;

const RUNS = { numRuns: 1_000 };

describe('care episode properties (1,000 random command sequences each)', () => {
  it('(a) re-folding the recorded events gives the same state', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        const { state, events } = run(policy, sequence);
        expect(foldCareEpisode(events)).toEqual(state);
      }),
      RUNS,
    );
  });

  it('(b) no illegal transition is accepted: stages move only along the allowed edges', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { before, command, produced, after } of run(policy, sequence).steps) {
          // Rule 1: nothing but a discharge opens an episode.
          if (before.status === 'empty') {
            expect(produced.map((event) => event.type)).toEqual(
              produced.length === 0 ? [] : ['care.episode.discharge_recorded.v1'],
            );
            if (produced.length > 0) expect(stageOf(after)).toBe('intake');
            continue;
          }
          // Nothing is accepted once the episode is closed or cancelled.
          if (isTerminalStage(before.stage)) {
            expect(produced).toEqual([]);
            continue;
          }
          let state: CareEpisodeState = before;
          for (const event of produced) {
            const next = evolve(state, event);
            const from = stageOf(state);
            const to = stageOf(next);
            if (from !== to) {
              expect(ALLOWED_STAGE_CHANGES).toContain(`${from} → ${to}`);
            }
            // Rule 5: the episode closes only at or after the end of its service period.
            if (to === 'closed' && from !== 'closed') {
              expect(command.type).toBe('CloseEpisode');
              expect(['care.episode.closed.v1', 'care.episode.closed.v2']).toContain(event.type);
              const serviceEnds =
                state.status === 'open' ? state.deadlines?.serviceEnds : undefined;
              expect(serviceEnds).toBeDefined();
              if (
                (event.type === 'care.episode.closed.v1' ||
                  event.type === 'care.episode.closed.v2') &&
                serviceEnds !== undefined
              ) {
                expect(Date.parse(event.data.at)).toBeGreaterThanOrEqual(Date.parse(serviceEnds));
              }
            }
            state = next;
          }
          // Rule 8: after planning, the stage shows whether the hand-off loop is open.
          if (
            after.status === 'open' &&
            (after.stage === 'handoff' || after.stage === 'follow_up')
          ) {
            expect(after.stage).toBe(handoffLoopOpen(after) ? 'handoff' : 'follow_up');
          }
        }
      }),
      RUNS,
    );
  });

  it('(c) no deadline moves backwards; a reassignment sets acceptance no earlier than its breach', () => {
    const deadlineKeys: readonly (keyof EpisodeDeadlines)[] = [
      'contactDue',
      'visitDue',
      'serviceEnds',
    ];
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { before, produced, after } of run(policy, sequence).steps) {
          if (before.status !== 'open' || after.status !== 'open') continue;
          for (const key of deadlineKeys) {
            const was = before.deadlines?.[key];
            if (was === undefined) continue;
            const now = after.deadlines?.[key];
            expect(now).toBeDefined();
            expect(Date.parse(now!)).toBeGreaterThanOrEqual(Date.parse(was));
          }
          for (const handoff of before.handoffs) {
            const later = after.handoffs.find((each) => each.handoffId === handoff.handoffId);
            expect(later).toBeDefined();
            if (!later) continue;
            expect(Date.parse(later.acceptDue)).toBeGreaterThanOrEqual(
              Date.parse(handoff.acceptDue),
            );
            const reassignment = produced.find(
              (event): event is HandoffReassigned =>
                event.type === 'care.episode.handoff_reassigned.v1' &&
                event.data.handoffId === handoff.handoffId,
            );
            if (reassignment) {
              // A new acceptance phase: its deadline is no earlier than the breach causing it.
              expect(Date.parse(later.acceptDue)).toBeGreaterThanOrEqual(
                Date.parse(reassignment.data.at),
              );
              expect(later.completeDue).toBeUndefined();
            } else if (handoff.completeDue !== undefined) {
              expect(later.completeDue).toBeDefined();
              expect(Date.parse(later.completeDue!)).toBeGreaterThanOrEqual(
                Date.parse(handoff.completeDue),
              );
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('(d) retries are harmless: a recorded command delivered again records nothing more (rules 2 and 8 included)', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { command, produced, after } of run(policy, sequence).steps) {
          if (produced.length === 0) continue;
          let again: CareEpisodeEvent[] = [];
          try {
            again = decide(command, after);
          } catch (error) {
            // A refusal (a stage already left, say) records nothing either.
            if (!(error instanceof DomainRuleViolation)) throw error;
          }
          expect({ command, again }).toEqual({ command, again: [] });
        }
      }),
      RUNS,
    );
  });

  it('rule 6: records an admission again only after its cancellation (A11), never outside the 30-day window', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        const standing = new Set<string>();
        for (const event of run(policy, sequence).events) {
          if (event.type === 'care.episode.readmission_recorded.v1') {
            expect(standing.has(event.data.admissionEncounterId)).toBe(false);
            standing.add(event.data.admissionEncounterId);
            expect(event.data.daysAfterDischarge).toBeGreaterThanOrEqual(0);
            expect(event.data.daysAfterDischarge).toBeLessThanOrEqual(30);
          }
          if (event.type === 'care.episode.readmission_cancelled.v1') {
            expect(standing.delete(event.data.admissionEncounterId)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('rule 7: the risk tier never lowers; ED revisits count once per encounter within 30 days and raise it only to high, by the LACE index with them counted', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        const revisited = new Set<string>();
        for (const { before, produced, after } of run(policy, sequence).steps) {
          if (before.status !== 'open' || after.status !== 'open') continue;
          const was = currentRiskTier(before);
          const now = currentRiskTier(after);
          if (was !== undefined)
            expect(now !== undefined && !isHigherRiskTier(was, now)).toBe(true);
          for (const event of produced) {
            if (event.type === 'care.episode.ed_revisit_recorded.v1') {
              expect(revisited.has(event.data.encounterId)).toBe(false);
              revisited.add(event.data.encounterId);
              expect(event.data.daysAfterDischarge).toBeGreaterThanOrEqual(0);
              expect(event.data.daysAfterDischarge).toBeLessThanOrEqual(30);
            }
            if (event.type === 'care.episode.risk_tier_raised.v1') {
              const { from, to, lace: raisedTo } = event.data;
              const assessed = after.assessment!.lace.components;
              expect(to).toBe('high');
              expect(isHigherRiskTier(to, from)).toBe(true);
              expect(raisedTo.score).toBeGreaterThanOrEqual(LACE_HIGH_RISK);
              expect(raisedTo.components).toEqual({
                ...assessed,
                e: Math.min(assessed.e + (after.edRevisits?.length ?? 0), 4),
              });
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('care plan: an approved plan is never edited in place: every change of an item comes with a revision naming it, and no version changes once made', () => {
    // What an item is, without its progress (status changes are not edits).
    const definitions = (state: CareEpisodeState): Record<string, unknown> => {
      const plan = state.status === 'open' ? state.carePlan : undefined;
      if (!plan) return {};
      const progress = ['status', 'statusChangedAt', 'statusReason', 'completedAt'];
      const definition = (item: object) =>
        Object.fromEntries(Object.entries(item).filter(([field]) => !progress.includes(field)));
      return Object.fromEntries([
        ...plan.problems.map((item) => [`problem/${item.problemId}`, item] as const),
        ...plan.goals.map((item) => [`goal/${item.goalId}`, definition(item)] as const),
        ...plan.interventions.map(
          (item) => [`intervention/${item.interventionId}`, definition(item)] as const,
        ),
      ]);
    };
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { before, produced, after } of run(policy, sequence).steps) {
          if (before.status !== 'open' || after.status !== 'open') continue;
          const versionsBefore = before.carePlan?.versions ?? [];
          expect(after.carePlan?.versions.slice(0, versionsBefore.length) ?? []).toEqual(
            versionsBefore,
          );
          if (!planApproved(before)) continue;
          const was = definitions(before);
          const now = definitions(after);
          const changed = [...new Set([...Object.keys(was), ...Object.keys(now)])]
            .filter((item) => !sameJson(was[item], now[item]))
            .sort();
          const revisions = produced.filter(
            (event) => event.type === 'care.episode.care_plan_revised.v1',
          );
          const named = revisions
            .flatMap((event) => event.data.changes)
            .map(({ item, itemId }) => `${item}/${itemId}`)
            .sort();
          expect(named).toEqual(changed);
          if (changed.length > 0) {
            expect(revisions).toHaveLength(1);
            expect(revisions[0]?.data.planVersion).toBe((before.carePlan?.version ?? 1) + 1);
            expect(after.carePlan?.versions.at(-1)?.version).toBe(revisions[0]?.data.planVersion);
          }
        }
      }),
      RUNS,
    );
  });

  it('care plan: approval freezes the draft as it stood as version 1', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { before, produced, after } of run(policy, sequence).steps) {
          if (before.status !== 'open' || after.status !== 'open' || !before.carePlan) continue;
          if (!produced.some((event) => event.type === 'care.episode.plan_approved.v1')) continue;
          const { problems, goals, interventions } = before.carePlan;
          expect(after.carePlan?.versions[0]).toEqual({
            version: 1,
            problems,
            goals,
            interventions,
          });
        }
      }),
      RUNS,
    );
  });

  it('no deadline before the discharge: open deadlines, intervention due dates and goal target dates', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { after } of run(policy, sequence).steps) {
          if (after.status !== 'open') continue;
          const discharged = Date.parse(after.dischargedAt);
          for (const { dueAt } of openDeadlines(after)) {
            expect(Date.parse(dueAt)).toBeGreaterThanOrEqual(discharged);
          }
          for (const { dueAt } of after.carePlan?.interventions ?? []) {
            expect(Date.parse(dueAt)).toBeGreaterThanOrEqual(discharged);
          }
          const dischargeDay = localDateOf(after.dischargedAt, policy.calendar.timeZone);
          for (const { targetDate: date } of after.carePlan?.goals ?? []) {
            expect(date >= dischargeDay).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('rule 8: every hand-off an intervention asked for carries it out, and its loop closes the intervention', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        const { state } = run(policy, sequence);
        if (state.status !== 'open') return;
        for (const handoff of state.handoffs.filter(({ interventionId }) => interventionId)) {
          const intervention = state.carePlan?.interventions.find(
            (candidate) => candidate.interventionId === handoff.interventionId,
          );
          expect(intervention?.handoffId).toBe(handoff.handoffId);
          if (handoff.status === 'completed' || handoff.status === 'declined') {
            expect(['completed', 'cancelled', 'failed']).toContain(intervention?.status);
          }
        }
      }),
      RUNS,
    );
  });

  it('rule 5: an episode whose coverage does not pay for TCM never closes billable; a billable one names its payer class', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { before, command, produced } of run(policy, sequence).steps) {
          const closed = produced.find((event) => event.type === 'care.episode.closed.v1');
          if (!closed || before.status !== 'open' || command.type !== 'CloseEpisode') continue;
          const coverage = currentCoverage(before.coverages ?? []);
          const payers = command.data.tcmPayerClasses ?? DEFAULT_TCM_PAYER_CLASSES;
          const { outcome } = closed.data;
          if (coverage && !payers.includes(coverage.payerClass)) {
            expect(outcome).toMatchObject({ billable: false, failedRule: 'tcm-coverage' });
          }
          if (outcome.billable) expect(outcome.payerClass).toBe(coverage?.payerClass);
        }
      }),
      RUNS,
    );
  });

  it('contact consent: no contact attempt is documented on a channel the patient had refused', () => {
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { before, produced } of run(policy, sequence).steps) {
          if (before.status !== 'open') continue;
          for (const event of produced) {
            if (event.type !== 'care.episode.contact_attempted.v1') continue;
            const { channel: used, at } = event.data;
            expect(channelRefused(before.contactPreferences ?? [], CONSENT_CHANNEL[used], at)).toBe(
              false,
            );
          }
        }
      }),
      RUNS,
    );
  });

  it('the generated sequences reach every stage and every kind of event', () => {
    // Guards the properties above against a generator that never gets past intake.
    const stages = new Set<string>();
    const eventTypes = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ policy, intents: sequence }) => {
        for (const { after, produced } of run(policy, sequence).steps) {
          if (after.status === 'open') stages.add(after.stage);
          for (const event of produced) eventTypes.add(event.type);
        }
      }),
      { numRuns: 1_000, seed: 20_270_115 },
    );
    expect([...stages].sort()).toEqual([...careEpisodeStages].sort());
    expect(eventTypes.size).toBe(40);
  });
});

describe('care plan templates (properties)', () => {
  const dischargedAt = fc
    .integer({ min: 0, max: 2 * 365 * DAY_MINUTES })
    .map((minutes) => iso(Date.parse('2026-01-01T00:00:00.000Z') + minutes * MINUTE_MS));
  const template = fc.constantFrom(...DEFAULT_PLAN_TEMPLATES);
  const calendar = fc.constantFrom(...tenants.map((tenant) => tenant.calendar));
  const idFor = (kind: string, key: string) => `${kind}/${key}`;

  it('applying a template is deterministic for the same template, discharge and calendar', () => {
    fc.assert(
      fc.property(template, dischargedAt, calendar, (chosen, at, tenantCalendar) => {
        const once = applyTemplate(chosen, { dischargedAt: at }, tenantCalendar, idFor);
        const copy = JSON.parse(JSON.stringify({ chosen, tenantCalendar })) as {
          chosen: PlanTemplate;
          tenantCalendar: TenantPolicy['calendar'];
        };
        expect(
          applyTemplate(copy.chosen, { dischargedAt: at }, copy.tenantCalendar, idFor),
        ).toEqual(once);
      }),
      RUNS,
    );
  });

  it('no item a template makes is due before the discharge', () => {
    fc.assert(
      fc.property(template, dischargedAt, calendar, (chosen, at, tenantCalendar) => {
        const items = applyTemplate(chosen, { dischargedAt: at }, tenantCalendar, idFor);
        for (const { dueAt } of items.interventions) {
          expect(Date.parse(dueAt)).toBeGreaterThanOrEqual(Date.parse(at));
        }
        const dischargeDay = localDateOf(at, tenantCalendar.timeZone);
        for (const goal of items.goals) expect(goal.targetDate >= dischargeDay).toBe(true);
      }),
      RUNS,
    );
  });
});
