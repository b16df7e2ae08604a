export * from './intake-event';
export * from './hl7';
export * from './fhir';
