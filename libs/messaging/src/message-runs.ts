import type { ConsumedMessage } from './consumed-message';
import type { IdentifiedEvent, MessageOutcome } from './event-subscriber';
import { UnparseableMessage } from './parse-cloud-event';

/** A readable message of a partition. */
export type ReadableMessage<Event extends IdentifiedEvent> = ConsumedMessage<Event> & {
  read: Exclude<ConsumedMessage<Event>['read'], UnparseableMessage>;
};

/** What to do next with a fetched batch of one partition, in offset order. */
export type BatchStep<Event extends IdentifiedEvent> =
  | { kind: 'run'; messages: ReadableMessage<Event>[] }
  | { kind: 'unreadable'; message: ConsumedMessage<Event>; reason: string };

/**
 * Splits a partition's batch into runs of consecutive readable messages (events and messages
 * to skip), each at most `maxRunLength` long and applied in one transaction, and the
 * unreadable messages between them, each dead-lettered on its own.
 */
export function splitIntoRuns<Event extends IdentifiedEvent>(
  messages: readonly ConsumedMessage<Event>[],
  maxRunLength: number,
): BatchStep<Event>[] {
  if (!Number.isInteger(maxRunLength) || maxRunLength < 1) {
    throw new RangeError(`a run holds at least one message, not ${maxRunLength}`);
  }
  const steps: BatchStep<Event>[] = [];
  let run: ReadableMessage<Event>[] = [];
  const endRun = () => {
    if (run.length > 0) steps.push({ kind: 'run', messages: run });
    run = [];
  };
  for (const message of messages) {
    if (message.read instanceof UnparseableMessage) {
      endRun();
      steps.push({ kind: 'unreadable', message, reason: message.read.message });
      continue;
    }
    run.push(message as ReadableMessage<Event>);
    if (run.length === maxRunLength) endRun();
  }
  endRun();
  return steps;
}

/** UUIDs as PostgreSQL returns them. */
const inboxKey = (id: string): string => id.toLowerCase();

/** The event ids a run records in the inbox: each once, in order of first appearance. */
export function inboxIdsOf<Event extends IdentifiedEvent>(
  run: readonly ReadableMessage<Event>[],
): string[] {
  const ids = new Set<string>();
  for (const { read } of run) if (read.kind === 'event') ids.add(inboxKey(read.event.id));
  return [...ids];
}

/**
 * What each message of a run comes to, given the ids the inbox recorded as new for this
 * consumer: the first message of a newly recorded id is applied; a later one with that id, or
 * one the inbox already held, is a duplicate; a message the reader passed over is skipped.
 */
export function runOutcomes<Event extends IdentifiedEvent>(
  run: readonly ReadableMessage<Event>[],
  recorded: ReadonlySet<string>,
): MessageOutcome[] {
  const unapplied = new Set([...recorded].map(inboxKey));
  return run.map(({ read }) => {
    if (read.kind === 'skip') return 'skipped';
    return unapplied.delete(inboxKey(read.event.id)) ? 'applied' : 'duplicate';
  });
}
