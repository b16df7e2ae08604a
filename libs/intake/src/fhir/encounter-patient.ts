import { reject, type Checked } from './checked';
import { issue } from './operation-outcome';
import type { PatientDemographics } from '../intake-event';
import { toDemographics } from './patient-demographics';
import { resolveReference, type BundleEntryView } from './resolve-reference';
import type { EncounterView } from './resource-view';

/** The demographics of the Patient the encounter's subject references, contained or in the Bundle. */
export function subjectPatient(
  encounter: EncounterView,
  entries: readonly BundleEntryView[],
): Checked<PatientDemographics> {
  const subject = encounter.resource.subject;
  const expression = `${encounter.path}.subject`;
  const where = entries.length === 0 ? 'contained in the Encounter (#id)' : 'in the message';
  if (subject === undefined) {
    return reject(
      issue(
        'required',
        expression,
        `${expression} is required: it references the Patient ${where}.`,
      ),
    );
  }
  const referenceExpression = `${expression}.reference`;
  if (subject.reference === undefined) {
    return reject(
      issue(
        'required',
        referenceExpression,
        `${referenceExpression} is required: it references the Patient ${where}.`,
      ),
    );
  }
  const target = resolveReference(subject.reference, { contained: encounter.contained, entries });
  if (target === undefined) {
    return reject(
      issue(
        'not-found',
        referenceExpression,
        `${referenceExpression} does not resolve to a resource ${where}.`,
      ),
    );
  }
  if (target.kind !== 'Patient') {
    return reject(
      issue('invalid', referenceExpression, `${referenceExpression} must reference a Patient.`),
    );
  }
  return toDemographics(target);
}
