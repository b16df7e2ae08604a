import { DEMO_EPISODES } from './demo-episodes';
import { formatSummary } from './demo-summary';
import type { SeededEpisode } from './seed-demo';

const seeded = (index: number, created: boolean, stuckReasons: string[] = []): SeededEpisode => {
  const demo = DEMO_EPISODES[index]!;
  return {
    demo,
    episodeId: `episode-${index + 1}`,
    created,
    stage: demo.expected.stage,
    stuckReasons,
  };
};

describe('formatSummary', () => {
  const context = {
    tenantId: 'general-hospital',
    consoleUrl: 'http://127.0.0.1:3000/console/',
    opsToken: 'header.payload.signature',
  };

  it('lists each episode with its stage and stuck reasons, then counts them', () => {
    const summary = formatSummary(
      [seeded(0, true), seeded(16, true, ['handoff-sla']), seeded(17, false, ['stage-sla'])],
      context,
    ).split('\n');

    expect(summary[0]).toBe('3 demo episodes for tenant general-hospital: 2 new, 1 already there');
    expect(summary[2]).toBe(
      '  DEMO-0017  handoff     episode-17  PCP has not accepted the hand-off for 30 hours  [stuck: handoff-sla]',
    );
    expect(summary).toContain('by stage: assessment 1, handoff 1, planning 1');
    expect(summary).toContain('stuck: 2 (handoff-sla 1, stage-sla 1)');
  });

  it('ends with the console address and the ops token to sign in with', () => {
    const summary = formatSummary([seeded(0, false)], context).split('\n');

    expect(summary.slice(-2)).toEqual([
      'console: http://127.0.0.1:3000/console/',
      'ops token for general-hospital (8 h): header.payload.signature',
    ]);
    expect(summary).toContain('stuck: 0 (none)');
  });
});
