import type { PatientDemographics, PatientIdentifier } from '../intake-event';
import { accept, combine, reject, type Checked } from './checked';
import { withoutModifierExtensions } from './modifier-extensions';
import { issue } from './operation-outcome';
import type { R4Patient } from './patient.schema';
import type { PatientView } from './resource-view';

type R4Identifier = NonNullable<R4Patient['identifier']>[number];
type R4HumanName = NonNullable<R4Patient['name']>[number];

/** Every identifier with a system and a value, the official (or first) name, birth date, sex. */
export function toDemographics({ resource, path }: PatientView): Checked<PatientDemographics> {
  const identifiers = (resource.identifier ?? []).flatMap(toPatientIdentifier);
  const checked = combine([
    withoutModifierExtensions(resource, path),
    identifiers.length > 0
      ? accept(identifiers)
      : reject(
          issue(
            'required',
            `${path}.identifier`,
            `${path}.identifier needs an identifier with a system and a value to find the patient by.`,
          ),
        ),
  ]);
  if (!checked.ok) return checked;
  const name = resource.name?.find(({ use }) => use === 'official') ?? resource.name?.[0];
  return accept({
    identifiers,
    ...nameParts(name),
    // A partial birth date (year or month) does not fit the model's YYYY-MM-DD, so it is left out.
    ...(resource.birthDate?.precision === 'day' ? { birthDate: resource.birthDate.date } : {}),
    ...(resource.gender === undefined ? {} : { sex: resource.gender }),
  });
}

function toPatientIdentifier({ system, value, type }: R4Identifier): PatientIdentifier[] {
  if (system === undefined || value === undefined) return [];
  const typeCode = type?.coding?.find(({ code }) => code !== undefined)?.code;
  return [{ system, value, ...(typeCode === undefined ? {} : { type: typeCode }) }];
}

function nameParts(name: R4HumanName | undefined): Pick<PatientDemographics, 'family' | 'given'> {
  return {
    ...(name?.family === undefined ? {} : { family: name.family }),
    ...(name?.given === undefined ? {} : { given: name.given }),
  };
}
