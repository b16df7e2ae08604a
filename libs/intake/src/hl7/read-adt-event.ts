import type { IntakeEvent } from '../intake-event';
import { type AdtContext, optionalSegment, requiredSegment } from './adt-context';
import { MAX_IDENTIFIER_LENGTH } from './adt-limits';
import { Hl7ErrorCode } from './hl7-issue';
import type { SegmentReader } from './segment-reader';

type WithoutPatient<Event> = Event extends unknown ? Omit<Event, 'patient'> : never;

/** The event the trigger announces, before the patient is added. */
export type AdtEventBody = WithoutPatient<IntakeEvent>;

/** The event the message announces; undefined when an issue keeps it from being read. */
export function readAdtEvent(context: AdtContext): AdtEventBody | undefined {
  const { trigger } = context;
  switch (trigger) {
    case 'A01':
      return readAdmission(context);
    case 'A03':
      return readDischarge(context);
    case 'A08':
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

function readAdmission(context: AdtContext): AdtEventBody | undefined {
  const pv1 = requiredSegment(context, 'PV1');
  if (pv1 === undefined) return undefined;
  const encounterId = readVisitNumber(pv1);
  const admittedAt = readAdmittedAt(context, pv1);
  if (encounterId === undefined || admittedAt === undefined) return undefined;
  return { kind: 'admission', encounterId, admittedAt };
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

/** PV1-45 is required: EVN-2 and EVN-6 say when the message was made, not when the patient left. */
function readDischarge(context: AdtContext): AdtEventBody | undefined {
  const { defaultZone } = context;
  const pv1 = requiredSegment(context, 'PV1');
  if (pv1 === undefined) return undefined;
  const encounterId = readVisitNumber(pv1);
  const admittedAt = pv1.instant(44, 'admit date/time', { required: false, defaultZone });
  const dischargedAt = pv1.instant(45, 'discharge date/time', { required: true, defaultZone });
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
