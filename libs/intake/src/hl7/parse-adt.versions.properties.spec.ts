import fc from 'fast-check';
import { encodeAdt, type AdtDraft } from './testing/adt-encoder';
import { NEW_YORK } from './testing/adt-fixtures';
import { ADT_TRIGGERS } from './adt-trigger';
import { HL7_VERSIONS } from './hl7-version';
import { parseAdt } from './parse-adt';

const RUNS = { numRuns: 500 };

const dtm = fc
  .record({
    at: fc.date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2027-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    seconds: fc.boolean(),
  })
  .map(({ at, seconds }) => {
    const digits = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return seconds ? digits : digits.slice(0, 12);
  });

const name = fc.stringMatching(/^[A-Z][a-z]{1,10}$/);
const identifier = fc.stringMatching(/^[A-Z0-9]{4,12}$/);

const draft: fc.Arbitrary<Omit<AdtDraft, 'version'>> = fc.record({
  trigger: fc.constantFrom(...ADT_TRIGGERS, 'A05', 'A40'),
  controlId: identifier,
  sentAt: dtm,
  recordedAt: dtm,
  occurredAt: fc.option(dtm, { nil: undefined }),
  mrn: identifier,
  authority: fc.constantFrom('CH', ''),
  externalId: fc.option(identifier, { nil: undefined }),
  family: name,
  given: name,
  birthDate: fc
    .date({ min: new Date('1920-01-01'), max: new Date('2020-01-01'), noInvalidDate: true })
    .map((at) => at.toISOString().slice(0, 10).replace(/-/g, '')),
  sex: fc.constantFrom('M', 'F', 'O', 'U', 'A', 'N', 'X'),
  visit: fc.option(
    fc.record({
      number: fc.oneof(identifier, fc.constant('')),
      patientClass: fc.constantFrom('I', 'O', 'E', ''),
      admittedAt: fc.option(dtm, { nil: undefined }),
      dischargedAt: fc.option(dtm, { nil: undefined }),
      disposition: fc.option(fc.constantFrom('01', '03', '06'), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  coverages: fc.option(
    fc.array(
      fc.record({
        setId: fc.integer({ min: 1, max: 3 }),
        planId: fc.option(identifier, { nil: undefined }),
        payerId: fc.option(identifier, { nil: undefined }),
        payerName: fc.option(name, { nil: undefined }),
        planType: fc.option(fc.constantFrom('MC', 'MA', 'HM', 'PP'), { nil: undefined }),
        policyNumber: fc.option(identifier, { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
    { nil: undefined },
  ),
  acceptAckType: fc.constant(undefined),
  applicationAckType: fc.constant(undefined),
});

const version = fc.constantFrom(...HL7_VERSIONS);

describe('parseAdt across versions', () => {
  it("reads a message re-encoded in another version's layout with the same meaning, or refuses both for the same reasons", () => {
    fc.assert(
      fc.property(draft, version, version, (content, from, to) => {
        const first = parseAdt(encodeAdt({ ...content, version: from }), NEW_YORK);
        const second = parseAdt(encodeAdt({ ...content, version: to }), NEW_YORK);

        expect(second.ok).toBe(first.ok);
        if (first.ok && second.ok) {
          expect(second.message).toEqual(first.message);
          expect(second.source).toEqual(first.source);
        } else if (!first.ok && !second.ok) {
          expect(second.errors).toEqual(first.errors);
        }
      }),
      RUNS,
    );
  });

  it('accepts in every version the discharges it accepts in one', () => {
    const discharge = draft.filter(
      (content) => content.trigger === 'A03' && content.visit?.dischargedAt !== undefined,
    );
    fc.assert(
      fc.property(discharge, (content) => {
        const results = HL7_VERSIONS.map((each) =>
          parseAdt(encodeAdt({ ...content, version: each }), NEW_YORK),
        );

        expect(new Set(results.map((result) => result.ok)).size).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
