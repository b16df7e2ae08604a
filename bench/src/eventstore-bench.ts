import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@care/event-store';
import {
  BENCH_TOPIC,
  openDataSource,
  resetDatabase,
  type BenchEnvironment,
} from './bench-environment';
import { round } from './percentile';
import { progress, type ResultsWriter } from './results-writer';
import { runClients } from './run-clients';
import { sampleEvent } from './sample-event';

const WRITER_COUNTS = [1, 8, 32];

interface WriterRun {
  appends: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** `writers` concurrent loops of `append` for `seconds` after a warm-up second; errors end it. */
async function runWriters(
  writers: number,
  seconds: number,
  append: (writer: number) => Promise<void>,
): Promise<WriterRun> {
  const run = await runClients(writers, seconds, 1, async (writer) => {
    await append(writer);
    return 'appended';
  });
  if (run.errors.length > 0) throw new Error(run.errors[0]);
  return {
    appends: run.calls,
    perSecond: round(run.calls / seconds, 0),
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
  };
}

/**
 * The physical floor: one event row and its outbox row in one statement and transaction, with
 * no version check, no stream row and no duplicate detection.
 */
const FLOOR_SQL = `
  WITH e AS (
    INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata)
    VALUES ($1, $2, $3, $4, $5, $6) RETURNING global_position)
  INSERT INTO outbox (global_position, topic, message_key) SELECT global_position, $7, $2 FROM e`;

export async function eventStoreBench(
  env: BenchEnvironment,
  results: ResultsWriter,
  seconds: number,
): Promise<void> {
  await resetDatabase(env);
  const dataSource = await openDataSource(
    env.appUrl,
    Math.max(...WRITER_COUNTS),
    'bench-eventstore',
  );
  const store = new PostgresEventStore(dataSource);
  const publishTo = (key: string) => ({ topic: BENCH_TOPIC, key });
  const options = (key: string) => ({ streamType: 'bench', publishTo: publishTo(key) });
  try {
    for (const writers of WRITER_COUNTS) {
      // The floor writes into streams that exist, so the events' foreign key holds.
      const floorStreams = await createStreams(store, writers);
      const floorVersions = floorStreams.map(() => 1);
      progress(`floor, ${writers} writer(s)`);
      const floor = await runWriters(writers, seconds, async (writer) => {
        const streamId = floorStreams[writer]!;
        const version = (floorVersions[writer] = floorVersions[writer]! + 1);
        const event = sampleEvent(streamId, version);
        await dataSource.query(FLOOR_SQL, [
          event.eventId,
          streamId,
          version,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          BENCH_TOPIC,
        ]);
      });
      report(results, 'floor', writers, floor);

      progress(`append to new streams, ${writers} writer(s)`);
      const fresh = await runWriters(writers, seconds, async () => {
        const streamId = randomUUID();
        await store.append(streamId, 0, [sampleEvent(streamId, 1)], options(streamId));
      });
      report(results, 'append-new-streams', writers, fresh, floor);

      const streams = await createStreams(store, writers);
      const versions = streams.map(() => 1);
      progress(`append to existing streams, ${writers} writer(s)`);
      const existing = await runWriters(writers, seconds, async (writer) => {
        const streamId = streams[writer]!;
        const version = versions[writer]!;
        await store.append(
          streamId,
          version,
          [sampleEvent(streamId, version + 1)],
          options(streamId),
        );
        versions[writer] = version + 1;
      });
      report(results, 'append-existing-streams', writers, existing, floor);
    }
  } finally {
    await dataSource.destroy();
  }
}

async function createStreams(store: PostgresEventStore, count: number): Promise<string[]> {
  const streams = Array.from({ length: count }, () => randomUUID());
  for (const streamId of streams) {
    await store.append(streamId, 0, [sampleEvent(streamId, 1)], { streamType: 'bench' });
  }
  return streams;
}

function report(
  results: ResultsWriter,
  scenario: string,
  writers: number,
  run: WriterRun,
  floor?: WriterRun,
): void {
  results.write({
    suite: 'eventstore',
    scenario,
    writers,
    eventsPerAppend: 1,
    appends: run.appends,
    eventsPerSecond: run.perSecond,
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    ...(floor
      ? {
          floorEventsPerSecond: floor.perSecond,
          ratioToFloor: round(run.perSecond / floor.perSecond),
          ...(writers === 8 ? { target: { eventsPerSecond: 2000, ratioToFloor: 0.7 } } : {}),
        }
      : {}),
  });
}
