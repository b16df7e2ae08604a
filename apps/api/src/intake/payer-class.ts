import type { PayerClass } from '@care/domain';
import type { PatientCoverage } from '@care/intake';

/** Names that say a plan or payer is Medicare's (a Medicare Advantage plan such as MA-PPO or MAPD). */
const MEDICARE_NAMED = /medicare|^ma(pd)?\b/i;

/**
 * The payer class of a coverage a hospital feed names, from its plan type (IN1-15, user-defined
 * table 0086 as US hospitals fill it): MC Medicare; MA or HM (a managed plan) with a Medicare
 * payer or plan, Medicare Advantage; MD or MCD Medicaid; anything else commercial. A coverage
 * without a plan type whose payer is named Medicare is Medicare.
 */
export function payerClassOf(
  coverage: Pick<PatientCoverage, 'planType' | 'payerName' | 'planId'>,
): PayerClass {
  const planType = coverage.planType?.trim().toUpperCase();
  const medicareNamed = [coverage.payerName, coverage.planId].some(
    (name) => name !== undefined && MEDICARE_NAMED.test(name.trim()),
  );
  if (planType === 'MC') return 'medicare';
  if ((planType === 'MA' || planType === 'HM') && medicareNamed) return 'medicare_advantage';
  if (planType === 'MD' || planType === 'MCD') return 'medicaid';
  if (!planType && medicareNamed) return 'medicare';
  return 'commercial';
}
