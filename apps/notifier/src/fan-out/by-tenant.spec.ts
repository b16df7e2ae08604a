import { byTenant } from './by-tenant';

describe('byTenant', () => {
  it('groups a run by tenant, keeping the order of events and of first appearance', () => {
    const run = [
      { id: '1', tenantid: 'st-mary' },
      { id: '2', tenantid: 'general-hospital' },
      { id: '3', tenantid: 'st-mary' },
      { id: '4', tenantid: 'general-hospital' },
    ];

    expect([...byTenant(run)]).toEqual([
      ['st-mary', [run[0], run[2]]],
      ['general-hospital', [run[1], run[3]]],
    ]);
  });

  it('has no group for an empty run', () => {
    expect(byTenant([]).size).toBe(0);
  });
});
