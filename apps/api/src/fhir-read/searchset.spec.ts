import { carePlanResource } from './care-plan.mapper';
import { episodeTasks } from './episode-tasks';
import { searchset } from './searchset';
import { EPISODE_ID, recordOf, underWay } from './testing/episode-fixture';
import { r4Issues } from './testing/r4-validation';

const BASE = 'http://127.0.0.1:3000/v1/fhir';

describe('searchset Bundle', () => {
  it('every match with its absolute URL and search mode, the total and the self link', () => {
    const record = recordOf(underWay);
    const bundle = searchset(BASE, `${BASE}/CarePlan?subject=Patient/1`, [
      carePlanResource(record),
    ]);

    expect(bundle).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      link: [{ relation: 'self', url: `${BASE}/CarePlan?subject=Patient/1` }],
      entry: [
        {
          fullUrl: `${BASE}/CarePlan/${EPISODE_ID}`,
          resource: carePlanResource(record),
          search: { mode: 'match' },
        },
      ],
    });
    expect(r4Issues(bundle)).toEqual([]);
  });

  it('of every Task of an episode, valid as a whole', () => {
    const tasks = episodeTasks(recordOf(underWay));

    expect(tasks.map((task) => [task.intent, task.status])).toEqual([
      ['plan', 'completed'],
      ['plan', 'requested'],
      ['plan', 'requested'],
      ['order', 'accepted'],
      ['order', 'rejected'],
    ]);
    expect(r4Issues(searchset(BASE, `${BASE}/Task?subject=1`, tasks))).toEqual([]);
  });

  it('no match: total 0 and no entries', () => {
    const bundle = searchset(BASE, `${BASE}/Goal?subject=1`, []);

    expect(bundle).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 0,
      link: [{ relation: 'self', url: `${BASE}/Goal?subject=1` }],
    });
    expect(r4Issues(bundle)).toEqual([]);
  });
});
