import { r4Issues } from './r4-validation';

describe('the R4 validation the mapper specs rely on', () => {
  it('accepts a valid resource', () => {
    expect(
      r4Issues({
        resourceType: 'Task',
        status: 'requested',
        intent: 'plan',
        for: { reference: 'Patient/1' },
      }),
    ).toEqual([]);
  });

  it('reports an element R4 does not define, and a missing required one', () => {
    expect(
      r4Issues({ resourceType: 'Goal', lifecycleStatus: 'active', subject: {}, due: 1 } as never),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Goal.due'),
        expect.stringContaining('Goal.description'),
      ]),
    );
  });

  it('reports a code outside a required binding, in contained resources and Bundle entries too', () => {
    const task = { resourceType: 'Task', status: 'doing', intent: 'plan' } as never;
    expect(r4Issues(task)).toEqual([expect.stringContaining('Task.status: ?|doing')]);
    expect(
      r4Issues({
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [{ fullUrl: 'http://x/Task/1', resource: task }],
      }),
    ).toEqual([expect.stringContaining('Task.status: ?|doing')]);
  });
});
