import {
  decide,
  DomainRuleViolation,
  evolve,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type CareEpisodeState,
  type StuckPolicy,
  type TcmComplexity,
} from '@care/domain';
import fc from 'fast-check';

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
  return [
    ...assessed,
    () => ({
      type: 'ApprovePlan',
      data: { at: at(22), approvedBy: coordinator, handoffKinds: ['pcp', 'home_health'] },
    }),
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
