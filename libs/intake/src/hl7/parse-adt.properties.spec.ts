import { Hl7Message } from '@medplum/core';
import fc from 'fast-check';
import { NEW_YORK, VALID_MESSAGES } from './testing/adt-fixtures';
import type { AdtParseResult } from './adt-parse-result';
import { buildAck } from './build-ack';
import { frameMllp } from './mllp-frame';
import { parseAdt } from './parse-adt';

const RUNS = { numRuns: 1_000 };
const LOCATION = /^[A-Z][A-Z0-9]{2}(?:-\d+)?$/;
const ackOptions = { now: new Date('2026-11-20T20:33:00Z'), controlId: 'ACK1' };

/** What ER7 is made of, weighted towards the characters that give it structure. */
const er7Piece = fc.oneof(
  fc.constantFrom('|', '^', '~', '&', '\\', '\r', '\n', '\r\n', '""', ' ', '.', '+', '-'),
  fc.constantFrom('MSH', 'EVN', 'PID', 'PV1', 'ADT', 'A03', '2.5.1', '20261120', '9999', '\\F\\'),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-segment'; segment: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: er7Piece }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace'), at: fc.nat(), text: er7Piece }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-segment'), segment: fc.nat() }),
);

function mutate(text: string, change: Mutation): string {
  const at = 'at' in change ? change.at % (text.length + 1) : 0;
  switch (change.kind) {
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'replace':
      return text.slice(0, at) + change.text + text.slice(at + 1);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate-segment': {
      const segments = text.split('\r');
      const index = change.segment % segments.length;
      return [...segments.slice(0, index + 1), ...segments.slice(index)].join('\r');
    }
    default: {
      const unknownMutation: never = change;
      return unknownMutation;
    }
  }
}

/** Issues an ACK reports: an ERR each from 2.5, ERR-1 repetitions of the one ERR before. */
function reportedIssues(ack: Hl7Message): number {
  return ack
    .getAllSegments('ERR')
    .reduce(
      (count, err) =>
        count + (err.getField(1).toString() === '' ? 1 : err.getField(1).components.length),
      0,
    );
}

/** What must hold for any result, whatever text produced it. */
function expectWellFormed(result: AdtParseResult): void {
  if (result.ok) {
    expect(result.message?.event.patient.identifiers.length ?? 1).toBeGreaterThan(0);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const issue of result.errors) {
      expect(issue.message).not.toBe('');
      if (issue.location !== undefined) expect(issue.location).toMatch(LOCATION);
    }
  }
  const ack = buildAck(result, ackOptions);
  const parsedAck = Hl7Message.parse(ack);
  expect(parsedAck.getSegment('MSA')?.getField(1).toString()).toBe(
    result.ok ? 'AA' : result.ackCode,
  );
  expect(parsedAck.getSegment('MSA')?.getField(2).toString()).toBe(result.header?.controlId ?? '');
  expect(reportedIssues(parsedAck)).toBe(result.ok ? 0 : result.errors.length);
  expect(() => frameMllp(ack)).not.toThrow();
}

describe('parseAdt properties', () => {
  it('never throws on arbitrary text, and refuses it with at least one issue', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = parseAdt(text, NEW_YORK);

        expect(result.ok).toBe(false);
        expectWellFormed(result);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text behind a readable MSH start', () => {
    fc.assert(
      fc.property(fc.array(er7Piece, { maxLength: 80 }), (pieces) => {
        expectWellFormed(parseAdt(`MSH|^~\\&|${pieces.join('')}`, NEW_YORK));
      }),
      RUNS,
    );
  });

  it('never throws on randomly mutated valid messages, and every rejection says why', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_MESSAGES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (valid, changes) => {
          const result = parseAdt(changes.reduce(mutate, valid), NEW_YORK);

          expectWellFormed(result);
          outcomes.add(result.ok ? 'AA' : result.ackCode);
        },
      ),
      RUNS,
    );
    // Guards the property against mutations that only ever produce one kind of outcome.
    expect([...outcomes].sort()).toEqual(['AA', 'AE', 'AR']);
  });
});
