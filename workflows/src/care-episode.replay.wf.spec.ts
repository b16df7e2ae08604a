import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { workflowBundleHook, workflowsPath } from '@care/temporal';
import { HISTORIES_DIR } from '../../test/support/episode-harness';

/**
 * Histories recorded from earlier releases of the workflow code (RECORD_HISTORIES=1 with the
 * scenario spec) must replay on today's code without a nondeterminism error.
 */
describe('recorded care-episode histories replay on the current workflow code', () => {
  const recorded = readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort();

  it('has recorded histories to replay', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(8);
  });

  it('replays every recorded history', async () => {
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath,
      webpackConfigHook: workflowBundleHook,
    });
    const histories = recorded.map((file) => {
      const { workflowId, history } = JSON.parse(
        readFileSync(path.join(HISTORIES_DIR, file), 'utf8'),
      ) as { workflowId: string; history: unknown };
      return { workflowId, history: historyFromJSON(history) };
    });
    const failures: string[] = [];
    let replayed = 0;

    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }

    expect(failures).toEqual([]);
    expect(replayed).toBe(recorded.length);
  });
});
