import { HttpStatus, Injectable } from '@nestjs/common';
import { PatientRepository, type StoredPatient } from '@care/patients';
import { problemType, ProblemException } from '@care/platform';
import type { PatientLookupQuery } from './patient-queries';

/** The tenant's patient an identifier names; another tenant's patients are never found. */
@Injectable()
export class FindPatient {
  constructor(private readonly patients: PatientRepository) {}

  async execute(query: PatientLookupQuery, tenantId: string): Promise<StoredPatient> {
    const patient = await this.patients.findByIdentifier(tenantId, query.identifier);
    if (!patient) {
      throw new ProblemException({
        type: problemType('patient-not-found'),
        title: 'Patient not found',
        status: HttpStatus.NOT_FOUND,
        detail: `No patient with identifier ${query.identifier.system}|${query.identifier.value}.`,
      });
    }
    return patient;
  }
}
