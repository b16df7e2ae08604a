import type { PatientIdentifier } from '../intake-event';
import { accept, reject, type Checked } from './checked';
import type { R4Encounter } from './encounter.schema';
import type { FhirSubject } from './fhir-subject';
import { issue } from './operation-outcome';
import { toDemographics } from './patient-demographics';
import {
  relativeReference,
  resolveEntry,
  resolveReference,
  type BundleEntryView,
} from './resolve-reference';
import type { EncounterView, PatientView } from './resource-view';

type R4Reference = NonNullable<R4Encounter['subject']>;

/** Where the subject is, and what it may point at. */
interface SubjectScope {
  encounter: EncounterView;
  entries: readonly BundleEntryView[];
  /** FHIRPath of the subject, e.g. `Encounter.subject`. */
  path: string;
  /** Where a carried Patient is, for diagnostics. */
  carried: string;
}

const RESTFUL_PATIENT_URL = /\/Patient\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * The Patient the encounter's subject names: contained (`#id`) or an entry of the Bundle, read
 * here; or, left for the patients store to resolve, a `Patient/<id>` the message does not carry
 * (a Patient the same sender sent before) or a logical reference by subject.identifier.
 */
export function encounterSubject(
  encounter: EncounterView,
  entries: readonly BundleEntryView[],
): Checked<FhirSubject> {
  const subject = encounter.resource.subject;
  const scope: SubjectScope = {
    encounter,
    entries,
    path: `${encounter.path}.subject`,
    carried: entries.length === 0 ? 'contained in the Encounter (#id)' : 'in the message',
  };
  const { path, carried } = scope;
  const names = `the Patient ${carried}, a Patient this client sent before (Patient/<id>), or a known patient by ${path}.identifier`;
  if (subject === undefined) {
    return reject(issue('required', path, `${path} is required: it names ${names}.`));
  }
  if (subject.reference !== undefined) return byReference(subject, subject.reference, scope);
  if (subject.identifier !== undefined) {
    const identifier = logicalIdentifier(subject, path);
    return identifier.ok
      ? accept({ kind: 'reference', reference: { path, identifier: identifier.value } })
      : identifier;
  }
  const expression = `${path}.reference`;
  return reject(
    issue(
      'required',
      expression,
      `${expression} or ${path}.identifier is required: the subject names ${names}.`,
    ),
  );
}

function byReference(
  subject: R4Reference,
  reference: string,
  { encounter, entries, path, carried }: SubjectScope,
): Checked<FhirSubject> {
  const expression = `${path}.reference`;
  const notPatient = reject(
    issue('invalid', expression, `${expression} must reference a Patient.`),
  );
  if (reference.startsWith('#')) {
    const target = resolveReference(reference, { contained: encounter.contained, entries });
    if (target === undefined) {
      return reject(
        issue('not-found', expression, `${expression} does not resolve to a contained resource.`),
      );
    }
    // A contained resource's id means nothing outside its Encounter, so none is remembered.
    return target.kind === 'Patient' ? carriedPatient(target) : notPatient;
  }
  const entry = resolveEntry(reference, entries);
  if (entry?.view !== undefined) {
    if (entry.view.kind !== 'Patient') return notPatient;
    return carriedPatient(entry.view, senderIdOf(entry.view, entry.fullUrl));
  }
  const relative = relativeReference(reference);
  if (relative === undefined) {
    return reject(
      issue('not-found', expression, `${expression} does not resolve to a resource ${carried}.`),
    );
  }
  if (relative.resourceType !== 'Patient') return notPatient;
  // Not in the message: a Patient the sender sent before, or else the identifier beside it.
  const identifier =
    subject.identifier === undefined ? undefined : logicalIdentifier(subject, path);
  return accept({
    kind: 'reference',
    reference: {
      path,
      senderPatientId: relative.id,
      ...(identifier?.ok === true ? { identifier: identifier.value } : {}),
    },
  });
}

function carriedPatient(view: PatientView, senderPatientId?: string): Checked<FhirSubject> {
  const patient = toDemographics(view);
  if (!patient.ok) return patient;
  return accept({
    kind: 'patient',
    patient: patient.value,
    ...(senderPatientId === undefined ? {} : { senderPatientId }),
  });
}

/** The id the sender's server gives a Patient entry: its resource id, or a RESTful fullUrl's. */
function senderIdOf({ resource }: PatientView, fullUrl: string | undefined): string | undefined {
  if (resource.id !== undefined) return resource.id;
  return fullUrl === undefined ? undefined : RESTFUL_PATIENT_URL.exec(fullUrl)?.[1];
}

/** subject.identifier of a Patient, with the system and value the patient is found by. */
function logicalIdentifier(subject: R4Reference, path: string): Checked<PatientIdentifier> {
  const { type: targetType, identifier } = subject;
  if (targetType !== undefined && targetType !== 'Patient' && !targetType.endsWith('/Patient')) {
    return reject(
      issue('invalid', `${path}.type`, `${path}.type must be Patient for an encounter's subject.`),
    );
  }
  const { system, value, type } = identifier ?? {};
  if (system === undefined || value === undefined) {
    const missing = `${path}.identifier.${system === undefined ? 'system' : 'value'}`;
    return reject(
      issue(
        'required',
        missing,
        `${missing} is required: the identifier's system and value find the patient.`,
      ),
    );
  }
  const typeCode = type?.coding?.find(({ code }) => code !== undefined)?.code;
  return accept({ system, value, ...(typeCode === undefined ? {} : { type: typeCode }) });
}
