import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { loadConfig } from '@care/platform';
import {
  careDataConverter,
  failureConverterPath,
  workflowBundleHook,
  workflowsPath,
} from '@care/temporal';
import { HISTORIES_DIR } from '../../test/support/episode-harness';
import { READMISSION_REPLANS_FOLLOW_UP } from './care-episode.handlers';

interface RecordedHistory {
  workflowId: string;
  history: temporal.api.history.v1.IHistory;
}

const recorded = readdirSync(HISTORIES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();

function load(file: string): RecordedHistory {
  const { workflowId, history } = JSON.parse(
    readFileSync(path.join(HISTORIES_DIR, file), 'utf8'),
  ) as { workflowId: string; history: unknown };
  return { workflowId, history: historyFromJSON(history) };
}

/** The patch ids a history recorded, read from its `core_patch` markers. */
function patchesIn({ history }: RecordedHistory): string[] {
  return (history.events ?? []).flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    const data = marker?.details?.['patch-data']?.payloads?.[0]?.data;
    if (marker?.markerName !== 'core_patch' || !data) return [];
    return [(JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id];
  });
}

/**
 * Histories recorded from earlier workflow code (RECORD_HISTORIES=1 with the scenario spec) must
 * replay on today's code without a nondeterminism error.
 */
describe('recorded care-episode histories replay on the current workflow code', () => {
  let workflowBundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    workflowBundle = await bundleWorkflowCode({
      workflowsPath,
      failureConverterPath,
      webpackConfigHook: workflowBundleHook,
    });
  });

  it('covers a readmission from before and after the replanning patch', () => {
    const before = load('6-readmission-before-replanning.json');
    const after = load('6-readmission-replans.json');

    expect(patchesIn(before)).not.toContain(READMISSION_REPLANS_FOLLOW_UP);
    expect(patchesIn(after)).toContain(READMISSION_REPLANS_FOLLOW_UP);
  });

  it.each(recorded)('replays %s', async (file) => {
    const { workflowId, history } = load(file);

    await expect(
      Worker.runReplayHistory(
        { workflowBundle, dataConverter: careDataConverter(loadConfig()) },
        history,
        workflowId,
      ),
    ).resolves.toBeUndefined();
  });
});
