import { payerClassOf } from './payer-class';

describe('payerClassOf (IN1-15 plan type to payer class)', () => {
  it.each([
    [{ planType: 'MC', payerName: 'CMS' }, 'medicare'],
    [{ planType: 'mc ' }, 'medicare'],
    [{ planType: 'MA', payerName: 'Humana', planId: 'MA-PPO' }, 'medicare_advantage'],
    [{ planType: 'HM', payerName: 'Aetna Medicare' }, 'medicare_advantage'],
    [{ planType: 'MA', payerName: 'UnitedHealthcare', planId: 'MAPD' }, 'medicare_advantage'],
    [{ planType: 'MD', payerName: 'MassHealth' }, 'medicaid'],
    [{ planType: 'MCD' }, 'medicaid'],
    [{ planType: 'HM', payerName: 'Blue Cross HMO' }, 'commercial'],
    [{ planType: 'MA', payerName: 'Acme Health', planId: 'MAXIMUM-1' }, 'commercial'],
    [{ planType: 'PPO', payerName: 'Cigna' }, 'commercial'],
    [{ payerName: 'Medicare Part B' }, 'medicare'],
    [{ payerName: 'Cigna' }, 'commercial'],
  ] as const)('%j is %s', (coverage, payerClass) => {
    expect(payerClassOf(coverage)).toBe(payerClass);
  });
});
