import type { EncounterChange, IntakeEvent } from '../intake-event';
import { type AdtContext, optionalSegment, requiredSegment } from './adt-context';
import { MAX_IDENTIFIER_LENGTH } from './adt-limits';
import { componentText, fieldRepetitions } from './er7-fields';
import { Hl7ErrorCode } from './hl7-issue';
import type { SegmentReader } from './segment-reader';

type WithoutPatient<Event> = Event extends unknown ? Omit<Event, 'patient'> : never;

/** The event the trigger announces, before the patient is added. */
export type AdtEventBody = WithoutPatient<IntakeEvent>;

/** HL7 table 0004: the patient class of an emergency visit. */
const EMERGENCY = 'E';

const ENCOUNTER_CHANGES = { A02: 'transfer', A06: 'to-inpatient', A07: 'to-outpatient' } as const;

/** The event the message announces; undefined when an issue keeps it from being read. */
export function readAdtEvent(context: AdtContext): AdtEventBody | undefined {
  const { trigger } = context;
  switch (trigger) {
    case 'A01':
      return readAdmission(context);
    case 'A04':
      return readRegistration(context);
    case 'A02':
    case 'A06':
    case 'A07':
      return readEncounterChange(context, ENCOUNTER_CHANGES[trigger]);
    case 'A03':
      return readDischarge(context);
    // A04 of a visit that is no emergency, A28 (add person) and A31 (update person) bring the
    // patient's details and nothing for an episode, as A08 does.
    case 'A08':
    case 'A28':
    case 'A31':
      return { kind: 'demographics-updated' };
    case 'A11':
      return readCancellation(context, 'admission-cancelled');
    case 'A13':
      return readCancellation(context, 'discharge-cancelled');
    default: {
      const unknownTrigger: never = trigger;
      return unknownTrigger;
    }
  }
}

/** A01 of patient class E is an emergency visit; any other is an admission. */
function readAdmission(context: AdtContext): AdtEventBody | undefined {
  const pv1 = requiredSegment(context, 'PV1');
  if (pv1 === undefined) return undefined;
  const encounterId = readVisitNumber(pv1);
  const admittedAt = readAdmittedAt(context, pv1);
  if (encounterId === undefined || admittedAt === undefined) return undefined;
  return patientClass(pv1) === EMERGENCY
    ? { kind: 'emergency-visit', encounterId, arrivedAt: admittedAt }
    : { kind: 'admission', encounterId, admittedAt };
}

/** A04 of patient class E is an emergency visit; any other registration only keeps the patient. */
function readRegistration(context: AdtContext): AdtEventBody | undefined {
  const pv1 = requiredSegment(context, 'PV1');
  if (pv1 === undefined) return undefined;
  if (patientClass(pv1) !== EMERGENCY) return { kind: 'demographics-updated' };
  const encounterId = readVisitNumber(pv1);
  const arrivedAt = readAdmittedAt(context, pv1);
  if (encounterId === undefined || arrivedAt === undefined) return undefined;
  return { kind: 'emergency-visit', encounterId, arrivedAt };
}

/** PV1-44, or EVN-6 (event occurred) when PV1-44 is empty. */
function readAdmittedAt(context: AdtContext, pv1: SegmentReader): string | undefined {
  const { defaultZone } = context;
  if (pv1.has(44)) return pv1.instant(44, 'admit date/time', { required: true, defaultZone });
  const evn = optionalSegment(context, 'EVN');
  if (evn?.has(6)) {
    return evn.instant(6, 'event occurred date/time', { required: true, defaultZone });
  }
  pv1.report(
    Hl7ErrorCode.requiredFieldMissing,
    44,
    'admit date/time is required (EVN-6 may stand in for it)',
  );
  return undefined;
}

/** A02, A06, A07: when it happened is EVN-6 (event occurred), else EVN-2 (recorded). */
function readEncounterChange(
  context: AdtContext,
  change: EncounterChange,
): AdtEventBody | undefined {
  const { defaultZone } = context;
  const pv1 = requiredSegment(context, 'PV1');
  const evn = requiredSegment(context, 'EVN');
  const encounterId = pv1 && readVisitNumber(pv1);
  const changedAt =
    evn &&
    (evn.has(6)
      ? evn.instant(6, 'event occurred date/time', { required: true, defaultZone })
      : evn.instant(2, 'recorded date/time', { required: true, defaultZone }));
  if (pv1 === undefined || encounterId === undefined || changedAt === undefined) return undefined;
  const newClass = patientClass(pv1);
  return {
    kind: 'encounter-changed',
    change,
    encounterId,
    changedAt,
    ...(newClass === '' ? {} : { patientClass: newClass }),
  };
}

/** PV1-45 is required: EVN-2 and EVN-6 say when the message was made, not when the patient left. */
function readDischarge(context: AdtContext): AdtEventBody | undefined {
  const { defaultZone } = context;
  const pv1 = requiredSegment(context, 'PV1');
  if (pv1 === undefined) return undefined;
  const encounterId = readVisitNumber(pv1);
  const admittedAt = pv1.instant(44, 'admit date/time', { required: false, defaultZone });
  const dischargedAt = context.layout.dischargeRepeats
    ? latestDischarge(context, pv1)
    : pv1.instant(45, 'discharge date/time', { required: true, defaultZone });
  const disposition = pv1.text({ field: 36, label: 'discharge disposition', component: 1 });
  if (encounterId === undefined || dischargedAt === undefined) return undefined;
  if (admittedAt !== undefined && Date.parse(dischargedAt) < Date.parse(admittedAt)) {
    pv1.report(
      Hl7ErrorCode.applicationInternalError,
      45,
      'discharge date/time is before the admit date/time (PV1-44)',
    );
    return undefined;
  }
  return {
    kind: 'discharge',
    encounterId,
    dischargedAt,
    ...(admittedAt === undefined ? {} : { admittedAt }),
    ...(disposition === undefined ? {} : { disposition }),
  };
}

/** Where PV1-45 repeats (2.4 to 2.5.1), the latest of its times is when the patient left. */
function latestDischarge(context: AdtContext, pv1: SegmentReader): string | undefined {
  const repetitions = fieldRepetitions(pv1.segment, 45)
    .map((ts) => ts[0] ?? '')
    .filter((dtm) => dtm !== '');
  if (repetitions.length <= 1) {
    return pv1.instant(45, 'discharge date/time', {
      required: true,
      defaultZone: context.defaultZone,
    });
  }
  const times = repetitions.map((dtm) =>
    pv1.instantOf(45, dtm, 'discharge date/time', context.defaultZone),
  );
  if (times.some((time) => time === undefined)) return undefined;
  return (times as string[]).reduce((latest, time) =>
    Date.parse(time) > Date.parse(latest) ? time : latest,
  );
}

/** When the cancellation was recorded: EVN-2. */
function readCancellation(
  context: AdtContext,
  kind: 'admission-cancelled' | 'discharge-cancelled',
): AdtEventBody | undefined {
  const pv1 = requiredSegment(context, 'PV1');
  const evn = requiredSegment(context, 'EVN');
  const encounterId = pv1 && readVisitNumber(pv1);
  const cancelledAt = evn?.instant(2, 'recorded date/time', {
    required: true,
    defaultZone: context.defaultZone,
  });
  if (encounterId === undefined || cancelledAt === undefined) return undefined;
  return { kind, encounterId, cancelledAt };
}

/** PV1-2, HL7 table 0004 (E emergency, I inpatient, O outpatient, …); '' when not sent. */
function patientClass(pv1: SegmentReader): string {
  return componentText(pv1.segment, 2).trim();
}

/** PV1-19 CX-1: the encounter. */
function readVisitNumber(pv1: SegmentReader): string | undefined {
  return pv1.text({
    field: 19,
    label: 'visit number',
    component: 1,
    required: true,
    maxLength: MAX_IDENTIFIER_LENGTH,
  });
}
