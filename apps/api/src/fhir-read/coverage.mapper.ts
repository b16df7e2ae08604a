import type { PayerClass } from '@care/domain';
import type { CodeableConcept, Coverage, Organization, Reference } from '@medplum/fhirtypes';
import { paymentSourceCoding } from './coverage-payer-class';
import { patientReference } from './fhir-references';
import { coverageIdOf, type PatientCoverageRecord } from './patient-coverage';

const COVERAGE_CLASS = 'http://terminology.hl7.org/CodeSystem/coverage-class';

function payorOf(coverage: PatientCoverageRecord): Reference<Organization> {
  const payor: Reference<Organization> = {
    ...(coverage.payerId ? { identifier: { value: coverage.payerId } } : {}),
    ...(coverage.payerName ? { display: coverage.payerName } : {}),
  };
  return Object.keys(payor).length > 0 ? payor : { display: 'Unknown payer' };
}

/** The payer class an episode gave the coverage as the source of payment, the plan type as text. */
function typeOf(
  planType: string | undefined,
  payerClass: PayerClass | undefined,
): CodeableConcept | undefined {
  const coding = payerClass && paymentSourceCoding(payerClass);
  const text = planType ?? coding?.display;
  return text === undefined ? undefined : { ...(coding ? { coding: [coding] } : {}), text };
}

/**
 * A patient's coverage from the patients store: the payer, its type (the payer class an
 * episode recorded for it, and the plan type), the plan as its class and the order of
 * coverage. The member id is the subscriber id, only when `withMemberId`.
 */
export function coverageResource(
  coverage: PatientCoverageRecord,
  withMemberId: boolean,
  payerClass?: PayerClass,
): Coverage {
  const type = typeOf(coverage.planType, payerClass);
  return {
    resourceType: 'Coverage',
    id: coverageIdOf(coverage),
    meta: { lastUpdated: coverage.updatedAt },
    status: 'active',
    ...(type ? { type } : {}),
    ...(withMemberId && coverage.memberId ? { subscriberId: coverage.memberId } : {}),
    beneficiary: patientReference(`Patient/${coverage.patientId}`),
    payor: [payorOf(coverage)],
    ...(coverage.planId
      ? {
          class: [
            {
              type: { coding: [{ system: COVERAGE_CLASS, code: 'plan', display: 'Plan' }] },
              value: coverage.planId,
            },
          ],
        }
      : {}),
    order: coverage.priority,
  };
}
