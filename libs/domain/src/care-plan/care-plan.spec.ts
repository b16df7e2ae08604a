import { openEpisode } from '../testing/episode-specs';
import { approval, assessedEpisode } from '../testing/care-plan-episode';
import { carePlanOf, clinicalCodeProblem } from './care-plan';

describe('care plan', () => {
  it('a problem code has its system’s shape: ICD-10-CM or SNOMED CT', () => {
    expect(
      clinicalCodeProblem({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41' }),
    ).toBeUndefined();
    expect(
      clinicalCodeProblem({ system: 'http://snomed.info/sct', code: '84114007' }),
    ).toBeUndefined();
    expect(
      clinicalCodeProblem({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: '84114007' }),
    ).toBe('84114007 is not a code of http://hl7.org/fhir/sid/icd-10-cm');
    expect(
      clinicalCodeProblem({
        system: 'urn:oid:2.16.840.1.113883.6.90' as 'http://snomed.info/sct',
        code: 'I50.9',
      }),
    ).toBe('code system urn:oid:2.16.840.1.113883.6.90 is neither ICD-10-CM nor SNOMED CT');
  });

  it('an episode without plan items has an empty draft before the approval, an empty version 1 after it', () => {
    expect(carePlanOf(openEpisode(...assessedEpisode))).toMatchObject({ version: 0, versions: [] });
    expect(carePlanOf(openEpisode(...assessedEpisode, ...approval()))).toMatchObject({
      version: 1,
      versions: [{ version: 1, problems: [], goals: [], interventions: [] }],
    });
  });
});
