import { CreatePatients1764700000000 } from './migrations/1764700000000-create-patients';

export const patientMigrations = [CreatePatients1764700000000];
