import { Hl7Message } from '@medplum/core';
import { ADT_CORPUS, COUNTY_MRN } from './testing/adt-corpus';
import { NEW_YORK } from './testing/adt-fixtures';
import { answerAdt } from './build-ack';
import { HL7_VERSIONS } from './hl7-version';
import { parseAdt } from './parse-adt';

const ackOptions = { now: new Date('2026-11-20T20:33:00Z'), controlId: 'ACK1' };
const QUIRKS = ADT_CORPUS.filter((message) => message.quirks.length > 0);

describe('the ADT corpus', () => {
  it('has at least 40 messages, at least 10 with quirks, in every version and every trigger the intake reads', () => {
    expect(ADT_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(QUIRKS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ADT_CORPUS.map((message) => message.version))).toEqual(new Set(HL7_VERSIONS));
    expect(new Set(ADT_CORPUS.map((message) => message.trigger))).toEqual(
      new Set([
        'A01',
        'A02',
        'A03',
        'A04',
        'A05',
        'A06',
        'A07',
        'A08',
        'A11',
        'A13',
        'A28',
        'A31',
        'A40',
      ]),
    );
  });

  it.each(ADT_CORPUS.map((message) => [message.name, message] as const))(
    '%s: answered with its acknowledgment code, in its own version',
    (_, { text, ack, version }) => {
      const answer = answerAdt(parseAdt(text, NEW_YORK), ackOptions);

      const parsed = Hl7Message.parse(answer!);
      expect(parsed.getSegment('MSA')?.getField(1).toString()).toBe(ack);
      expect(parsed.header.getComponent(12, 1)).toBe(version);
    },
  );

  it.each(ADT_CORPUS.map((message) => [message.name, message] as const))(
    '%s: has its effect',
    (_, { text, effect }) => {
      const result = parseAdt(text, NEW_YORK);

      if (effect === 'none') {
        expect(result.ok ? result.message : undefined).toBeUndefined();
        return;
      }
      expect(result).toMatchObject({ ok: true, message: { event: effect } });
    },
  );

  it.each(
    ADT_CORPUS.filter(({ effect }) => effect !== 'none').map(
      (message) => [message.name, message] as const,
    ),
  )(
    '%s: finds the patient by the MRN and keeps the name, birth date and sex',
    (_, { text, quirks }) => {
      const result = parseAdt(text, NEW_YORK);

      expect(result).toMatchObject({
        ok: true,
        message: {
          event: {
            patient: {
              ...(quirks.includes('no assigning authority') ? {} : { identifiers: [COUNTY_MRN] }),
              family: 'Sample',
              given: ['Jordan'],
              birthDate: '1948-07-02',
              sex: 'male',
            },
          },
        },
      });
    },
  );

  it('logs a notice, never an error, for an EVN-1 that disagrees with MSH-9', () => {
    const disagreeing = ADT_CORPUS.find((message) =>
      message.quirks.includes('EVN-1 disagrees with MSH-9'),
    )!;

    expect(parseAdt(disagreeing.text, NEW_YORK)).toMatchObject({
      ok: true,
      notices: ['EVN-1 event type code disagrees with the MSH-9 trigger event A03; MSH-9 was read'],
    });
  });

  it('keeps the insurance of an IN1 with the patient', () => {
    const withInsurance = ADT_CORPUS.find((message) => message.quirks.includes('unread segments'))!;

    expect(parseAdt(withInsurance.text, NEW_YORK)).toMatchObject({
      ok: true,
      message: {
        event: {
          patient: {
            coverages: [
              {
                priority: 1,
                planId: 'MCR-A',
                payerId: 'CMS01',
                payerName: 'Medicare',
                planType: 'MC',
                memberId: '1EG4TE5MK73',
              },
            ],
          },
        },
      },
    });
  });

  it('answers a message without MSH-4 from the sending application alone', () => {
    const withoutFacility = ADT_CORPUS.find((message) => message.quirks.includes('no MSH-4'))!;

    expect(parseAdt(withoutFacility.text, NEW_YORK)).toMatchObject({
      ok: true,
      source: { sender: 'MEDITECH^' },
    });
  });
});
