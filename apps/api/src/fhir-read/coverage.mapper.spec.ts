import { coverageResource } from './coverage.mapper';
import type { PatientCoverageRecord } from './patient-coverage';
import { PATIENT_ID } from './testing/episode-fixture';
import { r4Issues } from './testing/r4-validation';

const fromFeed: PatientCoverageRecord = {
  patientId: PATIENT_ID,
  source: 'feed',
  priority: 1,
  payerId: 'CMS',
  payerName: 'Medicare Part B',
  planId: 'MEDICARE-B',
  planType: 'MC',
  memberId: '1EG4-TE5-MK72',
  updatedAt: '2027-01-15T20:00:00.000Z',
};

describe('Coverage from the patients store', () => {
  it('the payer, the plan type, the plan as its class, the order, and the member id for a role that may see it', () => {
    const coverage = coverageResource(fromFeed, true);

    expect(coverage).toEqual({
      resourceType: 'Coverage',
      id: `${PATIENT_ID}-feed-1`,
      meta: { lastUpdated: '2027-01-15T20:00:00.000Z' },
      status: 'active',
      type: { text: 'MC' },
      subscriberId: '1EG4-TE5-MK72',
      beneficiary: { reference: `Patient/${PATIENT_ID}` },
      payor: [{ identifier: { value: 'CMS' }, display: 'Medicare Part B' }],
      class: [
        {
          type: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/coverage-class',
                code: 'plan',
                display: 'Plan',
              },
            ],
          },
          value: 'MEDICARE-B',
        },
      ],
      order: 1,
    });
    expect(r4Issues(coverage)).toEqual([]);
  });

  it('without the member id for a role that may not see it', () => {
    const coverage = coverageResource(fromFeed, false);

    expect(coverage.subscriberId).toBeUndefined();
    expect(JSON.stringify(coverage)).not.toContain('1EG4-TE5-MK72');
    expect(r4Issues(coverage)).toEqual([]);
  });

  it('a coordinator’s entry: a payer name only, still valid', () => {
    const entered: PatientCoverageRecord = {
      patientId: PATIENT_ID,
      source: 'coordinator',
      priority: 1,
      payerName: 'Aetna',
      updatedAt: '2027-01-16T10:00:00.000Z',
    };
    const coverage = coverageResource(entered, true);

    expect(coverage).toMatchObject({
      id: `${PATIENT_ID}-coordinator-1`,
      payor: [{ display: 'Aetna' }],
    });
    expect(coverage.class).toBeUndefined();
    expect(r4Issues(coverage)).toEqual([]);
  });
});

describe('Coverage type from the episodes', () => {
  it('the payer class an episode recorded is its source of payment, beside the plan type', () => {
    const coverage = coverageResource(fromFeed, false, 'medicare_advantage');

    expect(coverage.type).toEqual({
      coding: [
        {
          system: 'urn:oid:2.16.840.1.113883.3.221.5',
          code: '11',
          display: 'Medicare Managed Care (Includes Medicare Advantage Plans)',
        },
      ],
      text: 'MC',
    });
    expect(r4Issues(coverage)).toEqual([]);
  });

  it('without a plan type, the payer class names it', () => {
    expect(coverageResource({ ...fromFeed, planType: undefined }, false, 'medicaid').type).toEqual({
      coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code: '2', display: 'MEDICAID' }],
      text: 'MEDICAID',
    });
  });
});
