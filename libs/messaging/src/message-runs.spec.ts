import type { ConsumedMessage } from './consumed-message';
import type { Delivery } from './event-subscriber';
import { inboxIdsOf, runOutcomes, splitIntoRuns, type ReadableMessage } from './message-runs';
import { UnparseableMessage } from './parse-cloud-event';

interface TestEvent {
  id: string;
}

const delivery = (offset: number): Delivery => ({
  topic: 'care.episodes.v1',
  partition: 0,
  offset: String(offset),
  key: 'episode-1',
  headers: {},
});

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const event = (offset: number, id = ID(offset)): ReadableMessage<TestEvent> => ({
  delivery: delivery(offset),
  value: '{}',
  read: { kind: 'event', event: { id } },
});
const skipped = (offset: number): ReadableMessage<TestEvent> => ({
  delivery: delivery(offset),
  value: '{}',
  read: { kind: 'skip', reason: 'unknown event type care.analytics.survey_answered.v1' },
});
const unreadable = (offset: number): ConsumedMessage<TestEvent> => ({
  delivery: delivery(offset),
  value: 'ADT^A03',
  read: new UnparseableMessage('not JSON: Unexpected token'),
});

const offsetsOf = (messages: readonly ConsumedMessage<TestEvent>[]) =>
  messages.map((message) => Number(message.delivery.offset));

describe('splitIntoRuns', () => {
  const shape = (messages: ConsumedMessage<TestEvent>[], maxRunLength: number) =>
    splitIntoRuns(messages, maxRunLength).map((step) =>
      step.kind === 'run'
        ? { run: offsetsOf(step.messages) }
        : { unreadable: Number(step.message.delivery.offset), reason: step.reason },
    );

  it('keeps a batch of readable messages, events and skipped ones, in one run', () => {
    expect(shape([event(0), skipped(1), event(2)], 200)).toEqual([{ run: [0, 1, 2] }]);
  });

  it('cuts runs at the longest allowed, in offset order', () => {
    const batch = Array.from({ length: 7 }, (_, offset) => event(offset));
    expect(shape(batch, 3)).toEqual([{ run: [0, 1, 2] }, { run: [3, 4, 5] }, { run: [6] }]);
  });

  it('ends a run at an unreadable message, which stands alone with its reason', () => {
    expect(shape([event(0), event(1), unreadable(2), unreadable(3), event(4)], 200)).toEqual([
      { run: [0, 1] },
      { unreadable: 2, reason: 'not JSON: Unexpected token' },
      { unreadable: 3, reason: 'not JSON: Unexpected token' },
      { run: [4] },
    ]);
  });

  it('has no step for an empty batch', () => {
    expect(splitIntoRuns([], 200)).toEqual([]);
  });

  it.each([0, -1, 1.5])('refuses a run length of %p', (length) => {
    expect(() => splitIntoRuns([event(0)], length)).toThrow(
      `a run holds at least one message, not ${length}`,
    );
  });
});

describe('inboxIdsOf', () => {
  it('records each event id of a run once, lowercase, in order of first appearance', () => {
    const upper = ID(1).toUpperCase();
    expect(inboxIdsOf([event(0, ID(2)), event(1, upper), skipped(2), event(3, ID(2))])).toEqual([
      ID(2),
      ID(1),
    ]);
  });

  it('records nothing for a run of skipped messages', () => {
    expect(inboxIdsOf([skipped(0), skipped(1)])).toEqual([]);
  });
});

describe('runOutcomes', () => {
  it('applies the first message of each newly recorded id, whatever its case', () => {
    const run = [event(0, ID(1).toUpperCase()), event(1, ID(2))];
    expect(runOutcomes(run, new Set([ID(1), ID(2)]))).toEqual(['applied', 'applied']);
  });

  it('treats a repeat within the run as a duplicate', () => {
    const run = [event(0, ID(1)), event(1, ID(2)), event(2, ID(1))];
    expect(runOutcomes(run, new Set([ID(1), ID(2)]))).toEqual(['applied', 'applied', 'duplicate']);
  });

  it('treats an event the inbox already held as a duplicate', () => {
    const run = [event(0, ID(1)), event(1, ID(2)), event(2, ID(2))];
    expect(runOutcomes(run, new Set([ID(2)]))).toEqual(['duplicate', 'applied', 'duplicate']);
  });

  it('skips what the reader passed over', () => {
    expect(runOutcomes([skipped(0), event(1)], new Set([ID(1)]))).toEqual(['skipped', 'applied']);
  });
});
