import { accept, combine, reject, type Checked } from './checked';
import { encounterIdOf } from './encounter-id';
import { encounterSubject } from './encounter-patient';
import { dischargeTimes } from './encounter-times';
import type { FhirIntakeEvent } from './fhir-subject';
import { withoutModifierExtensions } from './modifier-extensions';
import { issue } from './operation-outcome';
import type { BundleEntryView } from './resolve-reference';
import type { EncounterView } from './resource-view';

type DischargeEvent = Extract<FhirIntakeEvent, { kind: 'discharge' }>;

/** A finished Encounter with its discharge time, disposition, identifier and subject. */
export function toDischarge(
  encounter: EncounterView,
  entries: readonly BundleEntryView[],
  receivedAt: string,
): Checked<DischargeEvent> {
  const checked = combine([
    withoutModifierExtensions(encounter.resource, encounter.path),
    finished(encounter),
    encounterIdOf(encounter),
    dischargeTimes(encounter, receivedAt),
    dispositionOf(encounter),
    encounterSubject(encounter, entries),
  ]);
  if (!checked.ok) return checked;
  const [, , encounterId, times, disposition, subject] = checked.value;
  return accept({ kind: 'discharge', encounterId, ...times, disposition, subject });
}

function finished({ resource, path }: EncounterView): Checked<undefined> {
  if (resource.status === 'finished') return accept(undefined);
  return reject(
    issue(
      'business-rule',
      `${path}.status`,
      `${path}.status must be finished for a discharge, not ${resource.status}.`,
    ),
  );
}

/** The code of the first coding that has one. */
function dispositionOf({ resource, path }: EncounterView): Checked<string> {
  const expression = `${path}.hospitalization.dischargeDisposition`;
  const disposition = resource.hospitalization?.dischargeDisposition;
  if (disposition === undefined) {
    return reject(
      issue(
        'required',
        expression,
        `${expression} is required: the follow-up depends on where the patient went.`,
      ),
    );
  }
  const code = disposition.coding?.find((coding) => coding.code !== undefined)?.code;
  if (code === undefined) {
    return reject(
      issue('required', `${expression}.coding`, `${expression}.coding needs a coding with a code.`),
    );
  }
  return accept(code);
}
