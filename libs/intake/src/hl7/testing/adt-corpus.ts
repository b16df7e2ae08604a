import type { IntakeEvent, PatientIdentifier } from '../../intake-event';
import { HL7_VERSIONS, type Hl7Version } from '../hl7-version';
import { encodeAdt, type AdtDraft } from './adt-encoder';

/**
 * ADT messages as hospitals send them, in every version this intake reads, each with the
 * acknowledgment and the effect it must have. Made-up patients at County Hospital; times without
 * an offset are read in New York.
 */
export interface CorpusMessage {
  name: string;
  version: Hl7Version;
  trigger: string;
  /** The real-world quirks the message carries, if any. */
  quirks: readonly string[];
  text: string;
  /** MSA-1 of the answer. */
  ack: 'AA' | 'AE' | 'AR' | 'CA';
  /** What the message asks for, as the intake event (matched in part); 'none' for no effect. */
  effect: Partial<IntakeEvent> | 'none';
}

export const COUNTY_MRN: PatientIdentifier = { system: 'CH', value: 'CH448201', type: 'MR' };

const VISIT = 'VN77120';
const ADMITTED = '20261115083000';
const DISCHARGED = '20261120153000';

/** Jordan Sample's stay: admitted Sunday 15 November 2026, discharged home Friday 20 November. */
export function countyDraft(version: Hl7Version, trigger: string, controlId: string): AdtDraft {
  return {
    version,
    trigger,
    controlId,
    sentAt: '20261120153200',
    recordedAt: '20261120153100',
    mrn: COUNTY_MRN.value,
    family: 'Sample',
    given: 'Jordan',
    birthDate: '19480702',
    sex: 'M',
    visit: {
      number: VISIT,
      patientClass: 'I',
      admittedAt: ADMITTED,
      dischargedAt: DISCHARGED,
      disposition: '01',
    },
  };
}

const discharge: Partial<IntakeEvent> = {
  kind: 'discharge',
  encounterId: VISIT,
  dischargedAt: '2026-11-20T15:30:00-05:00',
  admittedAt: '2026-11-15T08:30:00-05:00',
  disposition: '01',
};

const draftFor = (
  version: Hl7Version,
  trigger: string,
  id: string,
  change: Partial<AdtDraft> = {},
) => encodeAdt({ ...countyDraft(version, trigger, `${id}-${version}`), ...change });

const readmissionVisit = {
  number: 'VN77588',
  patientClass: 'I',
  admittedAt: '20261127221500',
};

/** The same discharge, readmission and cancellation in each version. */
const perVersion: CorpusMessage[] = HL7_VERSIONS.flatMap((version): CorpusMessage[] => [
  {
    name: `${version} A03 discharge`,
    version,
    trigger: 'A03',
    quirks: [],
    text: draftFor(version, 'A03', 'DIS'),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: `${version} A01 inpatient admission`,
    version,
    trigger: 'A01',
    quirks: [],
    text: draftFor(version, 'A01', 'ADM', { visit: readmissionVisit }),
    ack: 'AA',
    effect: { kind: 'admission', encounterId: 'VN77588', admittedAt: '2026-11-27T22:15:00-05:00' },
  },
  {
    name: `${version} A13 cancel discharge`,
    version,
    trigger: 'A13',
    quirks: [],
    text: draftFor(version, 'A13', 'CXL', { recordedAt: '20261120171000' }),
    ack: 'AA',
    effect: {
      kind: 'discharge-cancelled',
      encounterId: VISIT,
      cancelledAt: '2026-11-20T17:10:00-05:00',
    },
  },
]);

const emergencyVisit = { number: 'VN78002', patientClass: 'E', admittedAt: '20261124031500' };

const otherTriggers: CorpusMessage[] = [
  {
    name: '2.3 A04 emergency registration',
    version: '2.3',
    trigger: 'A04',
    quirks: [],
    text: draftFor('2.3', 'A04', 'ED', { visit: emergencyVisit }),
    ack: 'AA',
    effect: {
      kind: 'emergency-visit',
      encounterId: 'VN78002',
      arrivedAt: '2026-11-24T03:15:00-05:00',
    },
  },
  {
    name: '2.8 A01 admission of an emergency patient',
    version: '2.8',
    trigger: 'A01',
    quirks: [],
    text: draftFor('2.8', 'A01', 'ED', { visit: emergencyVisit }),
    ack: 'AA',
    effect: {
      kind: 'emergency-visit',
      encounterId: 'VN78002',
      arrivedAt: '2026-11-24T03:15:00-05:00',
    },
  },
  {
    name: '2.4 A04 outpatient registration',
    version: '2.4',
    trigger: 'A04',
    quirks: [],
    text: draftFor('2.4', 'A04', 'REG', {
      visit: { number: 'VN78100', patientClass: 'O', admittedAt: '20261201090000' },
    }),
    ack: 'AA',
    effect: { kind: 'demographics-updated' },
  },
  {
    name: '2.5 A02 transfer',
    version: '2.5',
    trigger: 'A02',
    quirks: [],
    text: draftFor('2.5', 'A02', 'TRF', {
      visit: readmissionVisit,
      occurredAt: '20261128101500',
    }),
    ack: 'AA',
    effect: {
      kind: 'encounter-changed',
      change: 'transfer',
      encounterId: 'VN77588',
      changedAt: '2026-11-28T10:15:00-05:00',
      patientClass: 'I',
    },
  },
  {
    name: '2.6 A06 emergency visit becomes an inpatient stay',
    version: '2.6',
    trigger: 'A06',
    quirks: [],
    text: draftFor('2.6', 'A06', 'CLS', {
      visit: { ...emergencyVisit, patientClass: 'I' },
      recordedAt: '20261124091000',
    }),
    ack: 'AA',
    effect: {
      kind: 'encounter-changed',
      change: 'to-inpatient',
      encounterId: 'VN78002',
      changedAt: '2026-11-24T09:10:00-05:00',
      patientClass: 'I',
    },
  },
  {
    name: '2.7.1 A07 inpatient stay becomes outpatient',
    version: '2.7.1',
    trigger: 'A07',
    quirks: [],
    text: draftFor('2.7.1', 'A07', 'CLS', {
      visit: { ...readmissionVisit, patientClass: 'O' },
      recordedAt: '20261128120000',
    }),
    ack: 'AA',
    effect: {
      kind: 'encounter-changed',
      change: 'to-outpatient',
      encounterId: 'VN77588',
      patientClass: 'O',
    },
  },
  {
    name: '2.3.1 A08 patient update',
    version: '2.3.1',
    trigger: 'A08',
    quirks: [],
    text: draftFor('2.3.1', 'A08', 'UPD'),
    ack: 'AA',
    effect: { kind: 'demographics-updated' },
  },
  {
    name: '2.7 A11 cancel admission',
    version: '2.7',
    trigger: 'A11',
    quirks: [],
    text: draftFor('2.7', 'A11', 'CXA', { visit: readmissionVisit, recordedAt: '20261127230000' }),
    ack: 'AA',
    effect: {
      kind: 'admission-cancelled',
      encounterId: 'VN77588',
      cancelledAt: '2026-11-27T23:00:00-05:00',
    },
  },
  {
    name: '2.5.1 A28 add person',
    version: '2.5.1',
    trigger: 'A28',
    quirks: [],
    text: draftFor('2.5.1', 'A28', 'PER', { visit: undefined }),
    ack: 'AA',
    effect: { kind: 'demographics-updated' },
  },
  {
    name: '2.8 A31 update person',
    version: '2.8',
    trigger: 'A31',
    quirks: [],
    text: draftFor('2.8', 'A31', 'PER', { visit: undefined }),
    ack: 'AA',
    effect: { kind: 'demographics-updated' },
  },
  {
    name: '2.4 A05 pre-admission, a trigger the engine does not use',
    version: '2.4',
    trigger: 'A05',
    quirks: [],
    text: draftFor('2.4', 'A05', 'PRE'),
    ack: 'AA',
    effect: 'none',
  },
  {
    name: '2.6 A40 merge, a trigger the engine does not use',
    version: '2.6',
    trigger: 'A40',
    quirks: [],
    text: draftFor('2.6', 'A40', 'MRG', { visit: undefined }),
    ack: 'AA',
    effect: 'none',
  },
];

const lines = (text: string) => text.split('\r').filter((line) => line !== '');

const withQuirks: CorpusMessage[] = [
  {
    name: '2.3.1 A03 that begins with a byte order mark',
    version: '2.3.1',
    trigger: 'A03',
    quirks: ['byte order mark'],
    text: `\uFEFF${draftFor('2.3.1', 'A03', 'BOM')}`,
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.4 A03 after blank lines and spaces',
    version: '2.4',
    trigger: 'A03',
    quirks: ['leading whitespace'],
    text: `\r\n  \n${draftFor('2.4', 'A03', 'WS')}`,
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.3 A01 with LF segment separators',
    version: '2.3',
    trigger: 'A01',
    quirks: ['LF separators'],
    text: lines(draftFor('2.3', 'A01', 'LF', { visit: readmissionVisit })).join('\n'),
    ack: 'AA',
    effect: { kind: 'admission', encounterId: 'VN77588' },
  },
  {
    name: '2.6 A03 with CRLF segment separators',
    version: '2.6',
    trigger: 'A03',
    quirks: ['CRLF separators'],
    text: `${lines(draftFor('2.6', 'A03', 'CRLF')).join('\r\n')}\r\n`,
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.5 A03 with repeated | at line ends and empty segments after the last',
    version: '2.5',
    trigger: 'A03',
    quirks: ['trailing empty fields', 'trailing empty segments'],
    text: `${lines(draftFor('2.5', 'A03', 'PIPE'))
      .map((line) => `${line}||||`)
      .join('\r')}\r\r\r`,
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.3 A03 whose times have no seconds',
    version: '2.3',
    trigger: 'A03',
    quirks: ['timestamps without seconds'],
    text: draftFor('2.3', 'A03', 'MIN', {
      sentAt: '202611201532',
      visit: {
        ...countyDraft('2.3', 'A03', '').visit!,
        admittedAt: '202611150830',
        dischargedAt: '202611201530',
      },
    }),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.7 A03 whose discharge time has a fraction and a zone offset',
    version: '2.7',
    trigger: 'A03',
    quirks: ['timestamps with offset and fraction'],
    text: draftFor('2.7', 'A03', 'TZ', {
      visit: { ...countyDraft('2.7', 'A03', '').visit!, dischargedAt: '20261120143000.25-0600' },
    }),
    ack: 'AA',
    effect: { ...discharge, dischargedAt: '2026-11-20T14:30:00.250-06:00' },
  },
  {
    name: '2.3 A03 with the TS degree of precision after its times',
    version: '2.3',
    trigger: 'A03',
    quirks: ['timestamps with degree of precision'],
    text: draftFor('2.3', 'A03', 'TS', {
      visit: { ...countyDraft('2.3', 'A03', '').visit!, dischargedAt: `${DISCHARGED}^S` },
    }),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.4 A03 whose EVN-1 says A08',
    version: '2.4',
    trigger: 'A03',
    quirks: ['EVN-1 disagrees with MSH-9'],
    text: draftFor('2.4', 'A03', 'EVN').replace('EVN|A03|', 'EVN|A08|'),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.3 A03 whose MSH-9 names no trigger, given by EVN-1',
    version: '2.3',
    trigger: 'A03',
    quirks: ['trigger only in EVN-1'],
    text: draftFor('2.3', 'A03', 'EVN1').replace('|ADT^A03|', '|ADT|'),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.5.1 A03 with segments the engine does not read',
    version: '2.5.1',
    trigger: 'A03',
    quirks: ['unread segments'],
    text: lines(
      draftFor('2.5.1', 'A03', 'SEG', {
        coverages: [
          {
            setId: 1,
            planId: 'MCR-A',
            payerId: 'CMS01',
            payerName: 'Medicare',
            planType: 'MC',
            policyNumber: '1EG4TE5MK73',
          },
        ],
      }),
    )
      .flatMap((line) =>
        line.startsWith('PID|')
          ? [line, 'NK1|1|Sample^Casey|SPO^Spouse^HL70063', 'GT1|1||Sample^Jordan']
          : line.startsWith('PV1|')
            ? [
                line,
                'OBX|1|NM|8302-2^Body height^LN||180|cm',
                'AL1|1|DA|70618^Penicillin^RXNORM',
                'DG1|1||I50.9^Heart failure, unspecified^I10',
              ]
            : line.startsWith('IN1|')
              ? [
                  line,
                  'IN2|1||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||E',
                  'ZPV|1|COUNTY_CUSTOM',
                ]
              : [line],
      )
      .join('\r'),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.3 A03 without a sending facility',
    version: '2.3',
    trigger: 'A03',
    quirks: ['no MSH-4'],
    text: draftFor('2.3', 'A03', 'NOFAC', { sendingFacility: '' }),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.3 A03 whose MRN has no assigning authority',
    version: '2.3',
    trigger: 'A03',
    quirks: ['no assigning authority'],
    text: draftFor('2.3', 'A03', 'NOAUTH', { authority: '' }),
    ack: 'AA',
    effect: {
      ...discharge,
      patient: {
        identifiers: [{ system: 'COUNTY_HOSPITAL', value: COUNTY_MRN.value, type: 'MR' }],
      },
    },
  },
  {
    name: '2.4 A03 whose PV1-45 repeats',
    version: '2.4',
    trigger: 'A03',
    quirks: ['repeated discharge time'],
    text: draftFor('2.4', 'A03', 'REP', {
      visit: {
        ...countyDraft('2.4', 'A03', '').visit!,
        dischargedAt: `20261120110000~${DISCHARGED}`,
      },
    }),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.4 A03 whose MSH-12 carries an internationalization code',
    version: '2.4',
    trigger: 'A03',
    quirks: ['VID with components'],
    text: draftFor('2.4', 'A03', 'VID').replace('|P|2.4|', '|P|2.4^USA|'),
    ack: 'AA',
    effect: discharge,
  },
  {
    name: '2.5.1 A03 asking for an accept acknowledgment only',
    version: '2.5.1',
    trigger: 'A03',
    quirks: [],
    text: draftFor('2.5.1', 'A03', 'ENH', { acceptAckType: 'AL', applicationAckType: 'NE' }),
    ack: 'CA',
    effect: discharge,
  },
];

const refused: CorpusMessage[] = [
  {
    name: '2.3 A03 without a discharge time',
    version: '2.3',
    trigger: 'A03',
    quirks: [],
    text: draftFor('2.3', 'A03', 'BAD', {
      visit: { ...countyDraft('2.3', 'A03', '').visit!, dischargedAt: undefined },
    }),
    ack: 'AE',
    effect: 'none',
  },
  {
    name: '2.8 A02 without a visit number',
    version: '2.8',
    trigger: 'A02',
    quirks: [],
    text: draftFor('2.8', 'A02', 'BAD', { visit: { ...readmissionVisit, number: '' } }),
    ack: 'AE',
    effect: 'none',
  },
];

export const ADT_CORPUS: readonly CorpusMessage[] = [
  ...perVersion,
  ...otherTriggers,
  ...withQuirks,
  ...refused,
];
