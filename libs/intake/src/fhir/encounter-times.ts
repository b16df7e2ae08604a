import { accept, reject, type Checked } from './checked';
import type { FhirDateTime, FhirInstant } from './fhir-date-time';
import { issue } from './operation-outcome';
import type { EncounterView } from './resource-view';

/** The same allowance for clock skew as the discharge API's "must not be in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

interface DischargeTimes {
  dischargedAt: string;
  admittedAt?: string;
}

/** period.end as the discharge instant; period.start as the admission, when it has a time. */
export function dischargeTimes(
  { resource, path }: EncounterView,
  receivedAt: string,
): Checked<DischargeTimes> {
  const start = resource.period?.start;
  const end = instantOf(resource.period?.end, `${path}.period.end`, receivedAt, 'discharge');
  if (!end.ok) return end;
  if (start !== undefined && endsBeforeStart(start, end.value)) {
    return reject(
      issue(
        'business-rule',
        `${path}.period.end`,
        `${path}.period.end is before ${path}.period.start.`,
      ),
    );
  }
  return accept({
    dischargedAt: end.value.instant,
    ...(start?.precision === 'time' ? { admittedAt: start.instant } : {}),
  });
}

/** period.start as the admission instant. */
export function admissionTime(
  { resource, path }: EncounterView,
  receivedAt: string,
): Checked<string> {
  const start = instantOf(resource.period?.start, `${path}.period.start`, receivedAt, 'admission');
  return start.ok ? accept(start.value.instant) : start;
}

function instantOf(
  value: FhirDateTime | undefined,
  expression: string,
  receivedAt: string,
  event: 'discharge' | 'admission',
): Checked<FhirInstant> {
  if (value === undefined) {
    return reject(
      issue('required', expression, `${expression} is required: it is the time of the ${event}.`),
    );
  }
  if (value.precision !== 'time') {
    return reject(
      issue(
        'business-rule',
        expression,
        `${expression} must have a time of day, not only a ${value.precision}: it is the time of the ${event}.`,
      ),
    );
  }
  if (Date.parse(value.instant) > Date.parse(receivedAt) + CLOCK_SKEW_MS) {
    return reject(issue('business-rule', expression, `${expression} must not be in the future.`));
  }
  return accept(value);
}

/** A start without a time is compared at its own precision with the end's local date. */
function endsBeforeStart(start: FhirDateTime, end: FhirInstant): boolean {
  if (start.precision === 'time') return end.instant < start.instant;
  return end.date.slice(0, start.date.length) < start.date;
}
