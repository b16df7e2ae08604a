import { inTransaction, type SqlExecutor } from '@care/event-store';
import type { DataSource } from 'typeorm';
import type { IdentifiedEvent, Incoming, MessageOutcome, Subscription } from './event-subscriber';
import { inboxIdsOf, runOutcomes, type ReadableMessage } from './message-runs';
import { recordInInbox } from './record-in-inbox';

/** A subscription's handler threw; its transaction was rolled back. */
export class HandlerFailed extends Error {
  constructor(
    message: string,
    /** The id of the event whose handling threw, when that is known. */
    readonly culprit: string | undefined,
    options: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HandlerFailed';
  }
}

/** Applies the new events of a run inside its transaction; throws HandlerFailed. */
export type RunHandler<Event extends IdentifiedEvent> = (
  events: readonly Incoming<Event>[],
  tx: SqlExecutor,
) => Promise<void>;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The subscription's handler, for runs. Events handled one at a time name the one that threw;
 * a run handler's failure is the run's, unless the run held a single event.
 */
export function runHandlerOf<Event extends IdentifiedEvent>(
  subscription: Subscription<Event>,
): RunHandler<Event> {
  if (subscription.handleRun) {
    return async (events, tx) => {
      try {
        await subscription.handleRun(events, tx);
      } catch (error) {
        const culprit = events.length === 1 ? events[0]!.id : undefined;
        throw new HandlerFailed(messageOf(error), culprit, { cause: error });
      }
    };
  }
  return async (events, tx) => {
    for (const event of events) {
      try {
        await subscription.handle(event, tx);
      } catch (error) {
        throw new HandlerFailed(messageOf(error), event.id, { cause: error });
      }
    }
  };
}

/**
 * Applies a run of one partition's messages in one transaction: records its events in the
 * inbox in one statement, then hands those new to this consumer to the handler, in order.
 * Resolves to each message's outcome once committed. Throws HandlerFailed when the handler
 * threw, and whatever the database threw; either way nothing of the run is kept.
 */
export async function applyRun<Event extends IdentifiedEvent>(
  dataSource: DataSource,
  consumer: string,
  handler: RunHandler<Event>,
  run: readonly ReadableMessage<Event>[],
): Promise<MessageOutcome[]> {
  const ids = inboxIdsOf(run);
  if (ids.length === 0) return runOutcomes(run, new Set());
  return inTransaction(dataSource, async (tx) => {
    const outcomes = runOutcomes(run, await recordInInbox(tx, consumer, ids));
    const fresh = run.flatMap(({ read, delivery }, index) =>
      read.kind === 'event' && outcomes[index] === 'applied'
        ? [{ ...read.event, ...delivery }]
        : [],
    );
    if (fresh.length > 0) await handler(fresh, tx);
    return outcomes;
  });
}
