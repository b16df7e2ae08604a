import { dischargeRequestSchema } from './discharge-request.schema';

const valid = {
  tenantId: 'general-hospital',
  encounterId: 'ENC-1001',
  patientRef: 'Patient/42',
  dischargedAt: '2026-11-20T15:30:00-05:00',
};

const problemsOf = (body: unknown) => {
  const parsed = dischargeRequestSchema.safeParse(body);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => issue.path.join('.') || issue.code);
};

describe('discharge request', () => {
  it('accepts a complete discharge', () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it.each(['tenantId', 'encounterId', 'patientRef', 'dischargedAt'])(
    'names a missing %s',
    (field) => {
      const incomplete: Partial<typeof valid> = { ...valid };
      delete incomplete[field as keyof typeof valid];
      expect(problemsOf(incomplete)).toEqual([field]);
    },
  );

  it.each([
    ['tenantId', 'General Hospital'],
    ['encounterId', 'ENC 1001'],
    ['encounterId', 'x'.repeat(129)],
    ['patientRef', ''],
    ['dischargedAt', '2026-11-20'],
    ['dischargedAt', '2026-11-20T15:30:00'],
    ['dischargedAt', '2999-01-01T00:00:00Z'],
  ])('rejects %s = %j', (field, value) => {
    expect(problemsOf({ ...valid, [field]: value })).toEqual([field]);
  });

  it('rejects unknown fields', () => {
    expect(problemsOf({ ...valid, ssn: '123-45-6789' })).toEqual(['unrecognized_keys']);
  });
});
