import { accept, combine, reject, type Checked } from './checked';
import { encounterIdOf } from './encounter-id';
import { encounterSubject } from './encounter-patient';
import type { EncounterStatus } from './encounter.schema';
import { admissionTime } from './encounter-times';
import type { FhirIntakeEvent } from './fhir-subject';
import { withoutModifierExtensions } from './modifier-extensions';
import { issue } from './operation-outcome';
import type { BundleEntryView } from './resolve-reference';
import type { EncounterView } from './resource-view';

type AdmissionEvent = Extract<FhirIntakeEvent, { kind: 'admission' }>;

/** The statuses of an encounter the patient has arrived for. */
const ADMITTED: readonly EncounterStatus[] = [
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
];

/** An Encounter the patient arrived for, with its admission time, identifier and subject. */
export function toAdmission(
  encounter: EncounterView,
  entries: readonly BundleEntryView[],
  receivedAt: string,
): Checked<AdmissionEvent> {
  const checked = combine([
    withoutModifierExtensions(encounter.resource, encounter.path),
    admitted(encounter),
    encounterIdOf(encounter),
    admissionTime(encounter, receivedAt),
    encounterSubject(encounter, entries),
  ]);
  if (!checked.ok) return checked;
  const [, , encounterId, admittedAt, subject] = checked.value;
  return accept({ kind: 'admission', encounterId, admittedAt, subject });
}

function admitted({ resource, path }: EncounterView): Checked<undefined> {
  if (ADMITTED.includes(resource.status)) return accept(undefined);
  return reject(
    issue(
      'business-rule',
      `${path}.status`,
      `${path}.status must be one of ${ADMITTED.join(', ')} for an admission, not ${resource.status}.`,
    ),
  );
}
