export * from './patient-repository';
export * from './patient-migrations';
