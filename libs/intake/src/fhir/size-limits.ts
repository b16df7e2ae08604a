import { fhirPath } from './fhir-path';
import { issue, type OperationOutcomeIssue } from './operation-outcome';

const MAX_BUNDLE_ENTRIES = 100;
const MAX_STRING_BYTES = 64 * 1024;

const UTF8_MAX_BYTES_PER_UNIT = 3;

/** Refuses oversized requests before any validation work scales with them. */
export function checkSizeLimits(
  resource: Readonly<Record<string, unknown>>,
  root: string,
): OperationOutcomeIssue[] {
  const entries = resource['entry'];
  if (root === 'Bundle' && Array.isArray(entries) && entries.length > MAX_BUNDLE_ENTRIES) {
    return [
      issue(
        'too-long',
        'Bundle.entry',
        `Bundle.entry has more than ${MAX_BUNDLE_ENTRIES} entries, the most this intake accepts.`,
      ),
    ];
  }
  return oversizedStrings(resource, root);
}

/** Walks without recursion so that deeply nested JSON cannot exhaust the stack. */
function oversizedStrings(resource: unknown, root: string): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  const pending: { value: unknown; expression: string }[] = [{ value: resource, expression: root }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, expression } = next;
    if (typeof value === 'string' && exceedsLimit(value)) {
      issues.push(
        issue('too-long', expression, `${expression} is longer than ${MAX_STRING_BYTES} bytes.`),
      );
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, index) =>
        pending.push({ value: item, expression: fhirPath(expression, [index]) }),
      );
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (exceedsLimit(key)) {
          issues.push(
            issue(
              'too-long',
              expression,
              `${expression} has an element name longer than ${MAX_STRING_BYTES} bytes.`,
            ),
          );
        } else {
          pending.push({ value: item, expression: fhirPath(expression, [key]) });
        }
      }
    }
  }
  return issues;
}

function exceedsLimit(text: string): boolean {
  if (text.length * UTF8_MAX_BYTES_PER_UNIT <= MAX_STRING_BYTES) return false;
  return new TextEncoder().encode(text).byteLength > MAX_STRING_BYTES;
}
