import fc from 'fast-check';
import type { FhirIntakeResult } from './fhir-intake-result';
import type { IssueType } from './operation-outcome';
import { parseFhirEncounter } from './parse-fhir-encounter';
import { parseFhirMessageBundle } from './parse-fhir-message-bundle';
import {
  dischargedEncounter,
  notificationBundle,
  PHI_VALUES,
  RECEIVED_AT,
  withElement,
  withoutElement,
  type JsonPath,
} from './testing/fhir-fixtures';

const RUNS = { numRuns: 1_000 };
const options = { sender: 'client:saint-luke', receivedAt: RECEIVED_AT };
const ISSUE_TYPES: readonly IssueType[] = [
  'structure',
  'required',
  'value',
  'invalid',
  'code-invalid',
  'business-rule',
  'not-found',
  'not-supported',
  'too-long',
];
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Accepted: instants normalized to UTC. Refused: at least one issue, none repeating PHI. */
function expectWellFormed(result: FhirIntakeResult): void {
  if (result.ok) {
    const { event } = result.message;
    const instants = [
      'dischargedAt' in event ? event.dischargedAt : undefined,
      'admittedAt' in event ? event.admittedAt : undefined,
    ].filter((instant) => instant !== undefined);
    expect(instants.length).toBeGreaterThan(0);
    for (const instant of instants) expect(instant).toMatch(UTC_INSTANT);
    return;
  }
  expect([400, 422]).toContain(result.status);
  expect(result.outcome.issue.length).toBeGreaterThan(0);
  for (const { severity, code, diagnostics } of result.outcome.issue) {
    expect(severity).toBe('error');
    expect(ISSUE_TYPES).toContain(code);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const value of PHI_VALUES) expect(diagnostics).not.toContain(value);
  }
}

/** Values that reach deeper rules than random JSON does. */
const fhirishValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    '',
    '2027-01-15',
    '2027-01-15T10:00:00',
    '2027-02-30T10:00:00Z',
    '2099-01-01T00:00:00Z',
    '#patient-1',
    'Patient/patient-1',
    'finished',
    'in-progress',
    'official',
    'notification-admit',
    [],
    {},
    null,
  ),
);

const mutation = fc.record({
  at: fc.nat(),
  operation: fc.constantFrom('remove', 'replace', 'insert'),
  key: fc.oneof(fc.string(), fc.constantFrom('id', 'extension', 'modifierExtension', '_status')),
  value: fhirishValue,
});

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function pathsIn(json: unknown, prefix: JsonPath = []): JsonPath[] {
  if (typeof json !== 'object' || json === null) return [];
  return Object.entries(json).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(json) ? Number(key) : key];
    return [path, ...pathsIn(child, path)];
  });
}

function valueAt(json: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], json);
}

function mutate(json: object, { at, operation, key, value }: Mutation): object {
  const paths = pathsIn(json);
  const path = paths[at % paths.length];
  if (path === undefined) return json;
  switch (operation) {
    case 'remove':
      return withoutElement(json, path);
    case 'replace':
      return withElement(json, path, value);
    case 'insert': {
      const target = valueAt(json, path);
      if (Array.isArray(target)) return withElement(json, [...path, target.length], value);
      if (typeof target === 'object' && target !== null) {
        return withElement(json, [...path, key], value);
      }
      return withElement(json, path, value);
    }
  }
}

const mutated = (valid: () => object) =>
  fc
    .array(mutation, { minLength: 1, maxLength: 4 })
    .map((mutations) => mutations.reduce(mutate, valid()));

describe('FHIR intake parsers', () => {
  it('never throw on arbitrary JSON, and explain every refusal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        expectWellFormed(parseFhirEncounter(body, options));
        expectWellFormed(parseFhirMessageBundle(body, options));
      }),
      RUNS,
    );
  });

  it('never throw on mutated Encounters, and explain every refusal', () => {
    fc.assert(
      fc.property(mutated(dischargedEncounter), (body) =>
        expectWellFormed(parseFhirEncounter(body, options)),
      ),
      RUNS,
    );
  });

  it.each(['notification-discharge', 'notification-admit'] as const)(
    'never throw on mutated %s Bundles, and explain every refusal',
    (event) => {
      fc.assert(
        fc.property(
          mutated(() => notificationBundle(event)),
          (body) => expectWellFormed(parseFhirMessageBundle(body, options)),
        ),
        RUNS,
      );
    },
  );
});
