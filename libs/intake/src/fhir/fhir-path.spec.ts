import { fhirPath } from './fhir-path';

describe('fhirPath', () => {
  it('joins element names with dots and array indexes in brackets', () => {
    expect(fhirPath('Bundle', ['entry', 1, 'resource', 'identifier', 0, 'system'])).toBe(
      'Bundle.entry[1].resource.identifier[0].system',
    );
  });

  it('quotes names FHIRPath cannot take bare, escaping backticks and backslashes', () => {
    expect(fhirPath('Encounter', ['odd name', 'a`b\\c', '_status'])).toBe(
      'Encounter.`odd name`.`a\\`b\\\\c`._status',
    );
  });
});
