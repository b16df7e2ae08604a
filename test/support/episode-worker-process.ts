import { TestProcess } from './test-process';

export interface EpisodeWorkerOptions {
  taskQueue: string;
  /** SIGKILL the process right after this many appends have committed. */
  crashAfterAppends?: number;
}

/** A care-episode worker in a process of its own (episode-worker-harness.ts). */
export class EpisodeWorkerProcess extends TestProcess {
  static async start(options: EpisodeWorkerOptions): Promise<EpisodeWorkerProcess> {
    const worker = new EpisodeWorkerProcess(options);
    await worker.printed('READY');
    return worker;
  }

  private constructor({ taskQueue, crashAfterAppends = 0 }: EpisodeWorkerOptions) {
    super('episode-worker-harness.ts', {
      EPISODE_WORKER_TASK_QUEUE: taskQueue,
      EPISODE_WORKER_CRASH_AFTER_APPENDS: String(crashAfterAppends),
      LOG_LEVEL: 'warn',
    });
  }
}
