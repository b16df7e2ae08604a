import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createDataSource, PostgresEventStore } from '@care/event-store';
import type { LaceInput } from '@care/domain';
import { loadConfig } from '@care/platform';
import { careDataConverter } from '@care/temporal';
import {
  approvePlanUpdate,
  cancelDischargeSignal,
  careEpisode,
  episodeSnapshotQuery,
  recordAssessmentUpdate,
  recordContactAttemptUpdate,
  recordDischargeUpdate,
} from '@care/workflows';
import type { DataSource } from 'typeorm';
import { EpisodeWorkerProcess } from './support/episode-worker-process';
import { until } from './support/until';

const MODERATE_RISK: LaceInput = {
  lengthOfStayDays: 3,
  acuteAdmission: true,
  charlsonScore: 1,
  edVisitsLast6Months: 0,
};
/** The append activity's start-to-close timeout, after which a lost attempt is retried. */
const APPEND_TIMEOUT_MS = 30_000;

/**
 * DESIGN §2, nothing lost and nothing twice: a worker killed right after its append committed,
 * before the workflow learned of it, leaves the episode to the next worker, whose retry of the
 * same append records nothing new.
 */
describe('care episode across a worker crash (real PostgreSQL and Temporal servers)', () => {
  const config = loadConfig();
  const taskQueue = `care-episode-crash-${randomUUID()}`;
  let connection: Connection;
  let client: Client;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const workers: EpisodeWorkerProcess[] = [];

  beforeAll(async () => {
    connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    client = new Client({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter: careDataConverter(config),
    });
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'worker-crash-test',
    }).initialize();
    store = new PostgresEventStore(dataSource);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await dataSource?.destroy();
    await connection?.close();
  });

  const startWorker = async (crashAfterAppends?: number) => {
    const worker = await EpisodeWorkerProcess.start({ taskQueue, crashAfterAppends });
    workers.push(worker);
    return worker;
  };

  const now = () => new Date().toISOString();

  it(
    'a SIGKILLed worker leaves an in-flight update to the next worker; versions stay contiguous and no event is recorded twice',
    async () => {
      // Appends: discharge_recorded, tcm_clocks_started, then the assessment, after which it dies.
      const first = await startWorker(3);
      const episodeId = randomUUID();
      const handle = await client.workflow.start(careEpisode, {
        taskQueue,
        workflowId: `care-episode-${episodeId}`,
        args: [{ episodeId, tenantId: 'general-hospital' }],
      });
      await handle.executeUpdate(recordDischargeUpdate, {
        args: [{ encounterId: 'ENC-CRASH-1', patientRef: 'Patient/crash-1', dischargedAt: now() }],
      });
      await until('the TCM clocks to start', async () => {
        const { state } = await handle.query(episodeSnapshotQuery);
        return state.status === 'open' && state.stage === 'assessment';
      });

      const assessing = handle.executeUpdate(recordAssessmentUpdate, {
        args: [
          {
            at: now(),
            assessedBy: 'Practitioner/rn-7',
            lace: MODERATE_RISK,
            complexity: 'moderate',
          },
        ],
      });
      expect(await first.exited).toBe('SIGKILL');
      const committed = await store.readStream(episodeId);
      expect(committed.map((event) => event.type)).toEqual([
        'care.episode.discharge_recorded.v1',
        'care.episode.tcm_clocks_started.v1',
        'care.episode.assessment_recorded.v1',
      ]);

      await startWorker();
      const assessed = await assessing;
      expect(assessed).toMatchObject({ recorded: true, version: 3, stage: 'planning' });

      await handle.executeUpdate(approvePlanUpdate, {
        args: [{ at: now(), approvedBy: 'Practitioner/md-3', handoffKinds: [] }],
      });
      await handle.executeUpdate(recordContactAttemptUpdate, {
        args: [{ at: now(), reached: true, channel: 'phone', attemptedBy: 'Practitioner/rn-7' }],
      });
      await handle.signal(cancelDischargeSignal, {
        reason: 'discharge cancelled (A13)',
        cancelledAt: now(),
      });
      expect(await handle.result()).toMatchObject({ stage: 'cancelled' });

      const stream = await store.readStream(episodeId);
      expect(stream.map((event) => event.streamVersion)).toEqual(
        stream.map((_, index) => index + 1),
      );
      expect(new Set(stream.map((event) => event.eventId)).size).toBe(stream.length);
      const types = stream.map((event) => event.type.replace(/^care\.episode\.|\.v1$/g, ''));
      expect(types).toEqual([
        'discharge_recorded',
        'tcm_clocks_started',
        'assessment_recorded',
        'plan_approved',
        'follow_up_planned',
        'contact_attempted',
        'cancelled',
      ]);
    },
    APPEND_TIMEOUT_MS * 4,
  );
});
