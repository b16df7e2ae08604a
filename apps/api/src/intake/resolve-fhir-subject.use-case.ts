import { Injectable } from '@nestjs/common';
import {
  issue,
  type FhirSubject,
  type OperationOutcome,
  type PatientDemographics,
  type PatientReference,
} from '@care/intake';
import { PatientRepository, type StoredPatient } from '@care/patients';

/** The patient a FHIR request is about, or the 422 OperationOutcome saying it is not known. */
export type ResolvedSubject =
  | { ok: true; patient: PatientDemographics }
  | { ok: false; status: 422; outcome: OperationOutcome };

const SEND_THE_PATIENT =
  'send the Patient first, contained in the Encounter or as an entry of the message Bundle, with its identifiers (MRN)';

/**
 * Finds the patient a FHIR encounter refers to without carrying it: by the id the same client's
 * server gave a Patient it sent before, or by a logical identifier, among the tenant's patients
 * only. The message then names the patient by its known identifiers, so keeping it changes none
 * of the patient's demographics. A carried Patient passes through as it is.
 */
@Injectable()
export class ResolveFhirSubject {
  constructor(private readonly patients: PatientRepository) {}

  async execute(tenantId: string, sender: string, subject: FhirSubject): Promise<ResolvedSubject> {
    if (subject.kind === 'patient') return { ok: true, patient: subject.patient };
    const { reference } = subject;
    const found = await this.find(tenantId, sender, reference);
    if (found) return { ok: true, patient: { identifiers: found.identifiers } };
    return { ok: false, status: 422, outcome: unknownPatient(reference) };
  }

  private async find(
    tenantId: string,
    sender: string,
    reference: PatientReference,
  ): Promise<StoredPatient | undefined> {
    if ('senderPatientId' in reference) {
      const byId = await this.patients.findByFhirId(tenantId, sender, reference.senderPatientId);
      if (byId) return byId;
    }
    return reference.identifier
      ? this.patients.findByIdentifier(tenantId, reference.identifier)
      : undefined;
  }
}

/** Names the element that failed; never its value, which identifies a patient. */
function unknownPatient(reference: PatientReference): OperationOutcome {
  const { path } = reference;
  const [expression, problem] =
    'senderPatientId' in reference
      ? [
          `${path}.reference`,
          `${path}.reference names no Patient this client sent before as an entry of a message Bundle${
            reference.identifier ? `, nor ${path}.identifier a patient known to this tenant` : ''
          }`,
        ]
      : [`${path}.identifier`, `${path}.identifier names no patient known to this tenant`];
  return {
    resourceType: 'OperationOutcome',
    issue: [issue('not-found', expression, `${problem}: ${SEND_THE_PATIENT}.`)],
  };
}
