import type { CarePlanProblem } from '@care/domain';
import type { CodeableConcept, Condition, Patient, Reference } from '@medplum/fhirtypes';

const SDOH_CATEGORY: CodeableConcept = {
  coding: [
    {
      system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category',
      code: 'sdoh',
      display: 'SDOH',
    },
  ],
  text: 'Social determinants of health',
};

/**
 * A care plan problem as the Condition a plan or goal contains: its ICD-10-CM or SNOMED CT code
 * with the coordinator's words, social needs marked as such. Its clinical status is the EHR's
 * to keep: the plan only says it addresses the problem.
 */
export function problemCondition(problem: CarePlanProblem, subject: Reference<Patient>): Condition {
  return {
    resourceType: 'Condition',
    id: problem.problemId,
    ...(problem.source.kind === 'need' ? { category: [SDOH_CATEGORY] } : {}),
    code: {
      ...(problem.code
        ? { coding: [{ system: problem.code.system, code: problem.code.code }] }
        : {}),
      text: problem.description,
    },
    subject,
  };
}
