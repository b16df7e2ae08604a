import type { SqlExecutor } from '@care/event-store';
import { HandlerFailed, runHandlerOf } from './apply-run';
import type { Delivery, Incoming } from './event-subscriber';

interface TestEvent {
  id: string;
  n: number;
}

const delivery: Delivery = { topic: 't', partition: 0, offset: '0', key: null, headers: {} };
const incoming = (id: string, n: number): Incoming<TestEvent> => ({ id, n, ...delivery });
const tx = { query: () => Promise.resolve([]) } as unknown as SqlExecutor;
const subscribed = {
  consumer: 'test',
  topics: ['t'],
  read: () => ({ kind: 'skip' as const, reason: '' }),
};

const failureOf = async (run: Promise<void>): Promise<HandlerFailed> => {
  const error: unknown = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HandlerFailed);
  return error as HandlerFailed;
};

describe('runHandlerOf', () => {
  it('hands a run to a handler of single events one by one, in order', async () => {
    const seen: number[] = [];
    const handler = runHandlerOf<TestEvent>({
      ...subscribed,
      handle: (event) => Promise.resolve(seen.push(event.n)),
    });

    await handler([incoming('a', 1), incoming('b', 2), incoming('c', 3)], tx);

    expect(seen).toEqual([1, 2, 3]);
  });

  it('names the event whose handling threw, and stops there', async () => {
    const seen: number[] = [];
    const handler = runHandlerOf<TestEvent>({
      ...subscribed,
      handle: (event) => {
        seen.push(event.n);
        return event.n === 2 ? Promise.reject(new Error('no target')) : Promise.resolve();
      },
    });

    const failure = await failureOf(
      handler([incoming('a', 1), incoming('b', 2), incoming('c', 3)], tx),
    );

    expect(failure).toMatchObject({ message: 'no target', culprit: 'b' });
    expect(failure.cause).toEqual(new Error('no target'));
    expect(seen).toEqual([1, 2]);
  });

  it('hands a run handler the whole run; its failure names no event unless the run held one', async () => {
    const runs: number[][] = [];
    const handler = runHandlerOf<TestEvent>({
      ...subscribed,
      handleRun: (events) => {
        runs.push(events.map((event) => event.n));
        return Promise.reject(new Error('tenant directory unavailable'));
      },
    });

    const ofRun = await failureOf(handler([incoming('a', 1), incoming('b', 2)], tx));
    const ofOne = await failureOf(handler([incoming('c', 3)], tx));

    expect(runs).toEqual([[1, 2], [3]]);
    expect(ofRun).toMatchObject({ message: 'tenant directory unavailable', culprit: undefined });
    expect(ofOne.culprit).toBe('c');
  });
});
