import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { forEachConcurrently } from './run-clients';

const TERMINATE_CONCURRENCY = 64;

const runningOn = (taskQueues: readonly string[]): string =>
  `(${taskQueues.map((queue) => `TaskQueue = '${queue}'`).join(' OR ')}) ` +
  `AND ExecutionStatus = 'Running'`;

/**
 * Waits until every running episode on the task queue has started its clocks (stage
 * 'assessment' in visibility), so a scenario does not inherit the previous one's backlog.
 * Resolves to the episodes still behind when the timeout passed (0 when settled).
 */
export async function waitUntilClocksStarted(
  client: Client,
  taskQueue: string,
  timeoutMs = 120_000,
): Promise<number> {
  const running = runningOn([taskQueue]);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ count: all }, { count: started }] = await Promise.all([
      client.workflow.count(running),
      client.workflow.count(`${running} AND CareStage = 'assessment'`),
    ]);
    if (started >= all || Date.now() > deadline) return all - started;
    await sleep(250);
  }
}

/**
 * Terminates every workflow visibility lists as running on the task queues, until it lists
 * none or the timeout passes. Found by query rather than by the ids the bench kept, so a start
 * that failed on the client but landed on the server is ended too.
 */
export async function terminateRunning(
  client: Client,
  taskQueues: readonly string[],
  timeoutMs = 600_000,
): Promise<{ terminated: number; left: number }> {
  const query = runningOn(taskQueues);
  const deadline = Date.now() + timeoutMs;
  let terminated = 0;
  for (;;) {
    const ids: string[] = [];
    for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
    if (ids.length === 0 || Date.now() > deadline) return { terminated, left: ids.length };
    const ended = await forEachConcurrently(ids.length, TERMINATE_CONCURRENCY, async (index) => {
      try {
        await client.workflow.getHandle(ids[index]!).terminate('benchmark finished');
        return 1;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return 0;
        throw error;
      }
    });
    const count = ended.reduce((sum: number, one) => sum + one, 0);
    terminated += count;
    // Visibility still lists some that had already ended: give it a moment to catch up.
    if (count < ids.length) await sleep(500);
  }
}
