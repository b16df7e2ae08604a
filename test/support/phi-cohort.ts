import {
  decide,
  DomainRuleViolation,
  evolve,
  hrsnDomains,
  localDateOf,
  payerClasses,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type CareEpisodeState,
  type HandoffPolicies,
  type HrsnAnswer,
  type HrsnDomain,
  type PayerClass,
  type StuckPolicy,
  type TcmComplexity,
} from '@care/domain';
import fc from 'fast-check';
import { v5 as uuidv5 } from 'uuid';

/** Letters no hexadecimal id contains, so a name found in a message was copied there. */
const NAME_LETTERS = [...'ghijklmnopqrstuvwxyz'];
const name = fc
  .string({ unit: fc.constantFrom(...NAME_LETTERS), minLength: 10, maxLength: 14 })
  .map((text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`);
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(min), max: new Date(max), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

export type EpisodeEnding = 'closed' | 'cancelled-by-feed' | 'cancelled-by-operations';

/** How far a community-resource referral's closed loop got. */
export type ReferralReached = 'requested' | 'accepted' | 'completed' | 'declined';

/** What became of a coordinator's intervention, and on which day after the discharge. */
export type InterventionOutcome =
  | { completedAfterDays: number }
  | { cancelledAfterDays: number }
  | { failedAfterDays: number }
  | 'open';

export interface SeededIntervention {
  /** Due on this day after the discharge (two hours past the discharge's time of day). */
  dueAfterDays: number;
  outcome: InterventionOutcome;
}

/**
 * The coordinator's side of an episode: coverage, a social needs screen of the five core
 * domains, contact preferences, and a care plan with a referral per need and interventions.
 */
export interface SeededCarePlan {
  payerClass: PayerClass;
  /** The domains the screen finds a need in; it asks about every core domain. */
  needs: HrsnDomain[];
  /** A community-resource referral for each of these needs, and how far its loop got. */
  referrals: { domain: HrsnDomain; reached: ReferralReached }[];
  interventions: SeededIntervention[];
}

export interface SeededEpisode {
  episodeId: string;
  encounterId: string;
  dischargedAt: string;
  ending: EpisodeEnding;
  complexity: TcmComplexity;
  reached: boolean;
  contactAfterHours: number;
  visitAfterDays: number;
  readmittedAfterDays?: number;
  /** An ED visit on that day, then its transfer: an ED revisit and an encounter change. */
  edRevisitAfterDays?: number;
  /** The primary care, home health and specialist hand-offs. */
  handoffIds: [string, string, string];
  carePlan?: SeededCarePlan;
}

/** A patient as a hospital feed describes one: every kind of identifier Safe Harbor lists. */
export interface SeededPatient {
  family: string;
  given: string;
  mrn: string;
  ssn: string;
  birthDate: string;
  street: string;
  city: string;
  zip: string;
  phone: string;
  email: string;
  /** The member id with the patient's insurer (HL7 IN1-36), as commercial payers format them. */
  memberId: string;
  episodes: SeededEpisode[];
}

const interventionOutcome: fc.Arbitrary<InterventionOutcome> = fc.oneof(
  fc.integer({ min: 1, max: 25 }).map((completedAfterDays) => ({ completedAfterDays })),
  fc.integer({ min: 1, max: 25 }).map((cancelledAfterDays) => ({ cancelledAfterDays })),
  fc.integer({ min: 1, max: 25 }).map((failedAfterDays) => ({ failedAfterDays })),
  fc.constant('open' as const),
);

const seededCarePlan: fc.Arbitrary<SeededCarePlan> = fc
  .record({
    payerClass: fc.constantFrom(...payerClasses),
    needs: fc.subarray([...hrsnDomains]),
    reached: fc.array(
      fc.constantFrom<ReferralReached>('requested', 'accepted', 'completed', 'declined'),
      {
        minLength: 5,
        maxLength: 5,
      },
    ),
    interventions: fc.array(
      fc.record({ dueAfterDays: fc.integer({ min: 0, max: 20 }), outcome: interventionOutcome }),
      { maxLength: 3 },
    ),
  })
  .map(({ payerClass, needs, reached, interventions }) => ({
    payerClass,
    needs,
    referrals: needs.map((domain, index) => ({ domain, reached: reached[index]! })),
    interventions,
  }));

const episode: fc.Arbitrary<SeededEpisode> = fc.record({
  episodeId: fc.uuid({ version: 4 }),
  encounterId: digits(10).map((value) => `ENC-${value}`),
  dischargedAt: fc
    .date({
      min: new Date('2019-01-01T00:00:00Z'),
      max: new Date('2026-10-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  ending: fc.constantFrom<EpisodeEnding>('closed', 'cancelled-by-feed', 'cancelled-by-operations'),
  complexity: fc.constantFrom<TcmComplexity>('moderate', 'high'),
  reached: fc.boolean(),
  contactAfterHours: fc.integer({ min: 1, max: 120 }),
  visitAfterDays: fc.integer({ min: 1, max: 20 }),
  readmittedAfterDays: fc.option(fc.integer({ min: 2, max: 25 }), { nil: undefined }),
  edRevisitAfterDays: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
  handoffIds: fc.tuple(fc.uuid({ version: 4 }), fc.uuid({ version: 4 }), fc.uuid({ version: 4 })),
  carePlan: fc.option(seededCarePlan, { nil: undefined }),
});

const patient = (bornFrom: string, bornUntil: string): fc.Arbitrary<SeededPatient> =>
  fc
    .record({
      family: name,
      given: name,
      mrn: digits(9),
      ssn: digits(8).map((value) => `9${value}`),
      birthDate: isoDate(bornFrom, bornUntil),
      streetName: name,
      houseNumber: fc.integer({ min: 1, max: 9999 }),
      city: name,
      zip: digits(5),
      phone: digits(7).map((value) => `413${value}`),
      memberId: fc
        .tuple(
          fc.string({ unit: fc.constantFrom(...NAME_LETTERS), minLength: 3, maxLength: 3 }),
          digits(9),
        )
        .map(([prefix, number]) => `${prefix.toUpperCase()}${number}`),
      episodes: fc.array(episode, { minLength: 1, maxLength: 2 }),
    })
    .map(({ streetName, houseNumber, ...rest }) => ({
      ...rest,
      street: `${houseNumber} ${streetName} Street`,
      email: `${rest.given}.${rest.family}@mail.example`.toLowerCase(),
    }));

/** Patients of one tenant with distinct MRNs, one of them always over 89 at discharge. */
export const cohort: fc.Arbitrary<SeededPatient[]> = fc
  .tuple(
    patient('1900-01-01', '1928-12-31'),
    fc.array(patient('1929-01-01', '2008-12-31'), { minLength: 1, maxLength: 2 }),
  )
  .map(([old, others]) => [old, ...others])
  .filter((patients) => new Set(patients.map((seeded) => seeded.mrn)).size === patients.length);

const stuckPolicy: StuckPolicy = {
  idleHours: 72,
  stageSlaHours: { intake: 24, assessment: 48, planning: 48 },
};

type Step = (state: CareEpisodeState) => CareEpisodeCommand;

/** The ids the workflow would draw for the care plan's items and referrals, stable per episode. */
export const carePlanIds = (episode: Pick<SeededEpisode, 'episodeId'>) => {
  const id = (name: string) => uuidv5(name, episode.episodeId);
  return {
    caregiver: id('caregiver'),
    coordinationProblem: id('problem/coordination'),
    coordinationGoal: id('goal/coordination'),
    intervention: (index: number) => id(`intervention/${index}`),
    needProblem: (domain: HrsnDomain) => id(`problem/${domain}`),
    needGoal: (domain: HrsnDomain) => id(`goal/${domain}`),
    referral: (domain: HrsnDomain) => id(`intervention/${domain}`),
    referralHandoff: (domain: HrsnDomain) => id(`handoff/${domain}`),
  };
};

/** Every operational id of the episode's care plan, none of which may reach analysts. */
export const carePlanIdList = (episode: SeededEpisode): string[] => {
  if (!episode.carePlan) return [];
  const ids = carePlanIds(episode);
  return [
    ids.caregiver,
    ids.coordinationProblem,
    ids.coordinationGoal,
    ...episode.carePlan.interventions.map((_, index) => ids.intervention(index)),
    ...hrsnDomains.flatMap((domain) => [
      ids.needProblem(domain),
      ids.needGoal(domain),
      ids.referral(domain),
      ids.referralHandoff(domain),
    ]),
  ];
};

const carePlanHandoffs: HandoffPolicies = {
  pcp: { acceptWithinHours: 24, completeWithinHours: 72, fallbackAssignee: 'care-team/pcp' },
  specialist: {
    acceptWithinHours: 48,
    completeWithinHours: 168,
    fallbackAssignee: 'care-team/specialist',
  },
  home_health: {
    acceptWithinHours: 24,
    completeWithinHours: 48,
    fallbackAssignee: 'care-team/home-health',
  },
  snf: { acceptWithinHours: 8, completeWithinHours: 24, fallbackAssignee: 'care-team/snf' },
  community_resource: {
    acceptWithinHours: 72,
    completeWithinHours: 168,
    fallbackAssignee: 'care-team/community',
  },
};

/** AHC HRSN answers (LOINC) that screen each core domain positive or negative. */
const SCREEN: Record<HrsnDomain, { positive: HrsnAnswer[]; negative: HrsnAnswer[] }> = {
  living_situation: {
    positive: [{ question: '71802-3', answer: 'LA31994-9' }],
    negative: [{ question: '71802-3', answer: 'LA31993-1' }],
  },
  food: {
    positive: [{ question: '88122-7', answer: 'LA28397-0' }],
    negative: [{ question: '88122-7', answer: 'LA28398-8' }],
  },
  transportation: {
    positive: [{ question: '93030-5', answer: 'LA33-6' }],
    negative: [{ question: '93030-5', answer: 'LA32-8' }],
  },
  utilities: {
    positive: [{ question: '96779-4', answer: 'LA33-6' }],
    negative: [{ question: '96779-4', answer: 'LA32-8' }],
  },
  interpersonal_safety: {
    positive: ['95618-5', '95617-7', '95616-9', '95615-1'].map((question) => ({
      question,
      answer: 'LA6482-9',
    })),
    negative: ['95618-5', '95617-7', '95616-9', '95615-1'].map((question) => ({
      question,
      answer: 'LA6270-8',
    })),
  },
};

/**
 * The coordinator's work before the plan's approval, PHI in every field of free text: coverage,
 * the screen, contact preferences, a problem per need with its goal and referral, and a
 * coordination problem with the interventions.
 */
function carePlanDrafting(
  episode: SeededEpisode,
  plan: SeededCarePlan,
  subject: { patientRef: string; timeZone: string },
  text: { phiReason: string; coordinator: string; at: (hours: number) => string },
): Step[] {
  const { phiReason, coordinator, at } = text;
  const ids = carePlanIds(episode);
  const patientId = subject.patientRef.replace('Patient/', '');
  const targetDate = localDateOf(at(24 * 7), subject.timeZone);
  const dueAt = (days: number) => at(days * 24 + 2);
  return [
    () => ({
      type: 'RecordCoverage',
      data: {
        at: at(20.1),
        payerClass: plan.payerClass,
        payerName: 'Atlantic Mutual',
        planType: 'HMO',
        coverageRef: `Coverage/${patientId}-feed-1`,
        source: 'feed',
      },
    }),
    () => ({
      type: 'RecordNeedsAssessment',
      data: {
        at: at(20.2),
        assessedBy: coordinator,
        hrsnAnswers: hrsnDomains.flatMap((domain) =>
          plan.needs.includes(domain) ? SCREEN[domain].positive : SCREEN[domain].negative,
        ),
        functionalStatus: 'needs_some_help',
        caregiver: {
          relationship: 'spouse_or_partner',
          caregiverRef: `RelatedPerson/${ids.caregiver}`,
        },
        preferredLanguage: 'en-US',
        interpreterNeeded: false,
        healthLiteracy: 'adequate',
      },
    }),
    () => ({
      type: 'RecordContactPreferences',
      data: {
        at: at(20.3),
        recordedBy: coordinator,
        contactRef: `${subject.patientRef}#telecom`,
        preferredChannels: ['phone', 'sms'],
        contactWindows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
        consent: {
          phone: { status: 'granted' },
          email: { status: 'refused', refusalDocumented: true },
        },
      },
    }),
    () => ({
      type: 'AddCarePlanProblem',
      data: {
        at: at(20.4),
        addedBy: coordinator,
        problem: {
          problemId: ids.coordinationProblem,
          source: { kind: 'free' },
          description: phiReason,
        },
      },
    }),
    () => ({
      type: 'AddCarePlanGoal',
      data: {
        at: at(20.4),
        addedBy: coordinator,
        goal: {
          goalId: ids.coordinationGoal,
          problemId: ids.coordinationProblem,
          description: phiReason,
          targetDate,
        },
      },
    }),
    ...plan.interventions.map(({ dueAfterDays }, index): Step => () => ({
      type: 'AddCarePlanIntervention',
      data: {
        at: at(20.5),
        addedBy: coordinator,
        intervention: {
          interventionId: ids.intervention(index),
          goalId: ids.coordinationGoal,
          description: phiReason,
          owner: { kind: 'coordinator', id: coordinator },
          dueAt: dueAt(dueAfterDays),
        },
      },
    })),
    ...plan.needs.flatMap((domain): Step[] => [
      () => ({
        type: 'AddCarePlanProblem',
        data: {
          at: at(20.6),
          addedBy: coordinator,
          problem: {
            problemId: ids.needProblem(domain),
            source: { kind: 'need', domain },
            description: phiReason,
          },
        },
      }),
      () => ({
        type: 'AddCarePlanGoal',
        data: {
          at: at(20.6),
          addedBy: coordinator,
          goal: {
            goalId: ids.needGoal(domain),
            problemId: ids.needProblem(domain),
            description: phiReason,
            targetDate,
          },
        },
      }),
    ]),
    ...plan.referrals.map(({ domain }): Step => () => ({
      type: 'AddCarePlanIntervention',
      data: {
        at: at(20.7),
        addedBy: coordinator,
        intervention: {
          interventionId: ids.referral(domain),
          goalId: ids.needGoal(domain),
          description: phiReason,
          owner: {
            kind: 'handoff',
            handoffKind: 'community_resource',
            needDomain: domain,
            assignee: `Organization/${episode.encounterId}-pantry`,
          },
          dueAt: dueAt(5),
          handoffId: ids.referralHandoff(domain),
        },
      },
    })),
  ];
}

/** The referrals' loops after the approval: accepted, completed or declined as seeded. */
function referralLoops(
  episode: SeededEpisode,
  plan: SeededCarePlan,
  text: { phiReason: string; at: (hours: number) => string },
): Step[] {
  const ids = carePlanIds(episode);
  return plan.referrals.flatMap(({ domain, reached }, index): Step[] => {
    const handoffId = ids.referralHandoff(domain);
    const accept: Step = () => ({
      type: 'AcceptHandoff',
      data: { at: text.at(26 + index), handoffId, completeWithinHours: 168 },
    });
    switch (reached) {
      case 'requested':
        return [];
      case 'accepted':
        return [accept];
      case 'completed':
        return [
          accept,
          () => ({ type: 'CompleteHandoff', data: { at: text.at(44 + index), handoffId } }),
        ];
      case 'declined':
        return [
          () => ({
            type: 'DeclineHandoff',
            data: { at: text.at(30 + index), handoffId, reason: text.phiReason },
          }),
        ];
    }
  });
}

/** What became of the coordinator's interventions, each on its day. */
function interventionOutcomes(
  episode: SeededEpisode,
  plan: SeededCarePlan,
  text: { phiReason: string; coordinator: string; at: (hours: number) => string },
): Step[] {
  const ids = carePlanIds(episode);
  return plan.interventions.flatMap(({ outcome }, index): Step[] => {
    if (outcome === 'open') return [];
    const [status, days] =
      'completedAfterDays' in outcome
        ? (['completed', outcome.completedAfterDays] as const)
        : 'cancelledAfterDays' in outcome
          ? (['cancelled', outcome.cancelledAfterDays] as const)
          : (['failed', outcome.failedAfterDays] as const);
    return [
      () => ({
        type: 'ChangeInterventionStatus',
        data: {
          at: text.at(days * 24),
          changedBy: text.coordinator,
          interventionId: ids.intervention(index),
          status,
          ...(status === 'completed' ? {} : { reason: text.phiReason }),
        },
      }),
    ];
  });
}

/** Commands with free text, names and references everywhere the engine allows them. */
function steps(
  seeded: SeededPatient,
  episode: SeededEpisode,
  subject: { tenantId: string; patientRef: string; timeZone: string },
): Step[] {
  const { tenantId, patientRef, timeZone } = subject;
  const start = Date.parse(episode.dischargedAt);
  const at = (hours: number) => new Date(start + hours * 3_600_000).toISOString();
  const who = `${seeded.given} ${seeded.family}`;
  const phiReason = `${who}, MRN ${seeded.mrn}, SSN ${seeded.ssn}, born ${seeded.birthDate}, ${seeded.street}, ${seeded.city} ${seeded.zip}, call ${seeded.phone} or ${seeded.email}, member id ${seeded.memberId}`;
  const coordinator = `rn-${seeded.family.toLowerCase()}`;
  const operator = `ops-${seeded.given.toLowerCase()}`;
  const [pcp, homeHealth, specialist] = episode.handoffIds;
  const opening: Step[] = [
    () => ({
      type: 'RecordDischarge',
      data: {
        episodeId: episode.episodeId,
        tenantId,
        encounterId: `${episode.encounterId}-${seeded.mrn}`,
        patientRef,
        dischargedAt: episode.dischargedAt,
      },
    }),
    () => ({ type: 'StartTcmClocks', data: { at: at(0.1), calendar: { timeZone, holidays: [] } } }),
  ];
  if (episode.ending === 'cancelled-by-feed') {
    return [
      ...opening,
      () => ({ type: 'CancelDischarge', data: { reason: phiReason, cancelledAt: at(2) } }),
    ];
  }
  const assessed: Step[] = [
    ...opening,
    () => ({
      type: 'RecordAssessment',
      data: {
        at: at(20),
        assessedBy: coordinator,
        lace: {
          lengthOfStayDays: 4,
          acuteAdmission: true,
          charlsonScore: 2,
          edVisitsLast6Months: 1,
        },
        complexity: episode.complexity,
      },
    }),
  ];
  if (episode.ending === 'cancelled-by-operations') {
    return [
      ...assessed,
      () => ({
        type: 'CancelEpisode',
        data: { cancelledAt: at(48), cancelledBy: operator, reason: phiReason },
      }),
    ];
  }
  const readmission = episode.readmittedAfterDays;
  const edRevisit = episode.edRevisitAfterDays;
  const plan = episode.carePlan;
  const text = { phiReason, coordinator, at };
  return [
    ...assessed,
    ...(plan ? carePlanDrafting(episode, plan, subject, text) : []),
    () => ({
      type: 'ApprovePlan',
      data: {
        at: at(22),
        approvedBy: coordinator,
        handoffKinds: ['pcp', 'home_health'],
        ...(plan ? { handoffs: carePlanHandoffs } : {}),
      },
    }),
    ...(plan ? referralLoops(episode, plan, text) : []),
    () => ({
      type: 'RequestHandoff',
      data: {
        at: at(22.5),
        handoffId: pcp,
        kind: 'pcp',
        assignee: `Dr ${seeded.family}`,
        acceptWithinHours: 24,
      },
    }),
    () => ({
      type: 'RequestHandoff',
      data: {
        at: at(23),
        handoffId: homeHealth,
        kind: 'home_health',
        assignee: `Organization/${seeded.city}-home-health`,
        acceptWithinHours: 24,
      },
    }),
    () => ({
      type: 'DeclineHandoff',
      data: { at: at(30), handoffId: homeHealth, reason: phiReason },
    }),
    () => ({
      type: 'AcceptHandoff',
      data: { at: at(31), handoffId: pcp, completeWithinHours: 72 },
    }),
    () => ({
      type: 'RecordContactAttempt',
      data: {
        at: at(episode.contactAfterHours),
        reached: episode.reached,
        channel: 'phone',
        attemptedBy: coordinator,
      },
    }),
    () => ({ type: 'CompleteHandoff', data: { at: at(40), handoffId: pcp } }),
    () => ({
      type: 'RecordMedicationReconciliation',
      data: {
        at: at(episode.visitAfterDays * 24 - 1),
        reconciledBy: `pharmacist-${seeded.family}`,
      },
    }),
    () => ({
      type: 'RecordFaceToFaceVisit',
      data: { at: at(episode.visitAfterDays * 24), recordedBy: `dr-${seeded.family}` },
    }),
    ...(edRevisit === undefined
      ? []
      : [
          (): CareEpisodeCommand => ({
            type: 'RecordEdRevisit',
            data: { encounterId: `ENC-${seeded.mrn}-E`, arrivedAt: at(edRevisit * 24) },
          }),
          (): CareEpisodeCommand => ({
            type: 'ReplanFollowUpAfterRiskTierRaised',
            data: { at: at(edRevisit * 24 + 1) },
          }),
          (): CareEpisodeCommand => ({
            type: 'RecordEncounterChange',
            data: {
              encounterId: `ENC-${seeded.mrn}-E`,
              change: 'transfer',
              patientClass: 'E',
              changedAt: at(edRevisit * 24 + 2),
            },
          }),
        ]),
    ...(readmission === undefined
      ? []
      : [
          (): CareEpisodeCommand => ({
            type: 'RecordReadmission',
            data: { admissionEncounterId: `ENC-${seeded.mrn}-R`, admittedAt: at(readmission * 24) },
          }),
          (): CareEpisodeCommand => ({
            type: 'ReplanFollowUpAfterReadmission',
            data: { at: at(readmission * 24 + 1) },
          }),
        ]),
    () => ({
      type: 'EvaluateStuck',
      data: { at: at(100), policy: stuckPolicy, activityFailing: true },
    }),
    () => ({
      type: 'EscalateEpisode',
      data: { at: at(101), escalatedBy: operator, reason: phiReason },
    }),
    () => ({
      type: 'RequestHandoff',
      data: {
        at: at(102),
        handoffId: specialist,
        kind: 'specialist',
        assignee: `Dr ${seeded.given}`,
        acceptWithinHours: 48,
      },
    }),
    () => ({
      type: 'ReassignHandoff',
      data: {
        at: at(103),
        handoffId: specialist,
        to: `Organization/${seeded.city}-cardiology`,
        reassignedBy: operator,
        reason: phiReason,
        acceptWithinHours: 48,
      },
    }),
    () => ({
      type: 'RetryFailingStep',
      data: {
        at: at(104),
        retriedBy: operator,
        reason: phiReason,
        step: 'record-events',
        failing: true,
      },
    }),
    () => ({
      type: 'EvaluateStuck',
      data: { at: at(105), policy: stuckPolicy, activityFailing: false },
    }),
    ...(plan ? interventionOutcomes(episode, plan, text) : []),
    (state) => ({
      type: 'CloseEpisode',
      // At the end of the service period, which the TCM clocks set.
      data: { at: state.status === 'open' ? state.deadlines!.serviceEnds : episode.dischargedAt },
    }),
  ];
}

/**
 * The events of an episode as the workflow would record them, one command at a time; a
 * command the rules refuse for this episode (a date out of order) is left out, as the api
 * would refuse it.
 */
export function episodeAppends(
  seeded: SeededPatient,
  episode: SeededEpisode,
  subject: { tenantId: string; patientRef: string; timeZone: string },
): CareEpisodeEvent[][] {
  let state: CareEpisodeState = { status: 'empty' };
  const appends: CareEpisodeEvent[][] = [];
  for (const step of steps(seeded, episode, subject)) {
    const command = step(state);
    try {
      const events = decide(command, state);
      if (events.length === 0) continue;
      state = events.reduce(evolve, state);
      appends.push(events);
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
    }
  }
  return appends;
}
