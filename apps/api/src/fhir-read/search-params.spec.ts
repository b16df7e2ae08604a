import { FhirOutcomeException } from './fhir-outcome.exception';
import { CARE_PLAN_SEARCH, COVERAGE_SEARCH, TASK_SEARCH } from './fhir-search-specs';
import { parsePatientSearch } from './search-params';

const ID = '2b8e4f6a-1c3d-4e5f-9a8b-7c6d5e4f3a2b';

const refusal = (query: Record<string, unknown>, spec = CARE_PLAN_SEARCH) => {
  try {
    parsePatientSearch(query, spec);
  } catch (error) {
    if (error instanceof FhirOutcomeException)
      return { status: error.getStatus(), ...error.outcome };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('patient search parameters', () => {
  it.each([
    [{ subject: `Patient/${ID}` }],
    [{ subject: ID }],
    [{ patient: ID }],
    [{ 'subject:Patient': ID }],
    [{ subject: `https://ehr.example.org/fhir/Patient/${ID}` }],
    [{ subject: `Patient/${ID}`, _format: 'application/fhir+json' }],
  ])('%j names the patient', (query) => {
    expect(parsePatientSearch(query, CARE_PLAN_SEARCH)).toEqual({ patientId: ID, tokens: {} });
  });

  it('reads token filters, any of their comma-separated codes', () => {
    expect(
      parsePatientSearch(
        { subject: ID, status: 'requested,accepted', intent: 'order' },
        TASK_SEARCH,
      ),
    ).toEqual({
      patientId: ID,
      tokens: { status: ['requested', 'accepted'], intent: ['order'] },
    });
  });

  it('an unknown parameter is a 400 naming it and what is supported, never echoing its value', () => {
    const outcome = refusal({ subject: ID, category: 'secret-value' });

    expect(outcome).toEqual({
      status: 400,
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'not-supported',
          diagnostics: expect.stringContaining(
            'category is not a search parameter of CarePlan',
          ) as string,
        },
      ],
    });
    expect(JSON.stringify(outcome)).not.toContain('secret-value');
  });

  it.each([
    ['no patient', {}, 'required'],
    ['another resource type', { subject: 'Group/1' }, 'invalid'],
    ['two patients', { subject: `${ID},${ID}` }, 'invalid'],
    ['the patient twice', { subject: ID, patient: ID }, 'invalid'],
    ['a repeated parameter', { subject: [ID, ID] }, 'invalid'],
    ['another modifier', { 'subject:Group': ID }, 'not-supported'],
    ['an unknown code', { subject: ID, status: 'finished' }, 'code-invalid'],
    ['a modifier on a token', { subject: ID, 'status:not': 'active' }, 'not-supported'],
    ['another format', { subject: ID, _format: 'xml' }, 'not-supported'],
  ])('%s is a 400 (%j)', (_case, query, code) => {
    expect(refusal(query)).toMatchObject({ status: 400, issue: [{ code }] });
  });

  it('Coverage names its patient as beneficiary or patient, not subject', () => {
    expect(parsePatientSearch({ beneficiary: `Patient/${ID}` }, COVERAGE_SEARCH).patientId).toBe(
      ID,
    );
    expect(refusal({ subject: ID }, COVERAGE_SEARCH)).toMatchObject({ status: 400 });
  });
});
