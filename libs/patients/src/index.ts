export * from './patient-contacts';
export * from './patient-contacts.repository';
export * from './patient-repository';
export * from './patient-migrations';
