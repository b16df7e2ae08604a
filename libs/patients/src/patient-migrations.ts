import { CreatePatients1764700000000 } from './migrations/1764700000000-create-patients';
import { CreatePatientCoverages1766000000000 } from './migrations/1766000000000-create-patient-coverages';
import { CreatePatientFhirIds1766010000000 } from './migrations/1766010000000-create-patient-fhir-ids';
import { CreatePatientContacts1766200000000 } from './migrations/1766200000000-create-patient-contacts';

export const patientMigrations = [
  CreatePatients1764700000000,
  CreatePatientCoverages1766000000000,
  CreatePatientFhirIds1766010000000,
  CreatePatientContacts1766200000000,
];
