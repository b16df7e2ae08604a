import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchEnvironment } from './bench-environment';
import { progress } from './results-writer';
import type {
  WorkerChildMessage,
  WorkerMemorySample,
  WorkerParentMessage,
} from './worker-messages';

const root = path.resolve(__dirname, '../..');

export interface WorkerReady {
  maxCachedWorkflows: number;
  reuseV8Context: boolean;
}

interface PendingSample {
  resolve: (sample: WorkerMemorySample) => void;
  reject: (error: Error) => void;
}

/** BENCH_WORKER_CPU_PROF=<dir> writes the worker's CPU profiles (every thread) there. */
const profiling = (): string[] => {
  const dir = process.env.BENCH_WORKER_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
};

/** The bench's Temporal worker (workflow-worker.main.ts) in a child process, over IPC. */
export class WorkflowWorkerProcess {
  private readonly exited: Promise<void>;
  private readonly ready: Promise<WorkerReady>;
  private readonly pending = new Map<number, PendingSample>();
  private nextId = 0;
  private failure?: Error;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.ready = new Promise<WorkerReady>((resolve, reject) => {
      const fail = (error: Error) => {
        this.failure ??= error;
        reject(error);
        for (const sample of this.pending.values()) sample.reject(error);
        this.pending.clear();
      };
      child.on('message', (message: WorkerChildMessage) => {
        if (message.type === 'ready') resolve(message);
        else if (message.type === 'memory') this.settle(message.id, message.sample);
        else fail(new Error(`worker failed: ${message.message}`));
      });
      child.once('exit', (code, signal) => fail(new Error(`worker exited (${signal ?? code})`)));
    });
  }

  static async start(
    env: BenchEnvironment,
    taskQueue: string,
    maxCachedWorkflows: number,
  ): Promise<{ worker: WorkflowWorkerProcess; ready: WorkerReady }> {
    const child = fork(path.join(__dirname, 'workflow-worker.main.ts'), [], {
      cwd: root,
      execArgv: ['-r', '@swc-node/register', '--expose-gc', ...profiling()],
      env: {
        ...process.env,
        SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'),
        DATABASE_URL: env.appUrl,
        BENCH_TASK_QUEUE: taskQueue,
        BENCH_MAX_CACHED_WORKFLOWS: String(maxCachedWorkflows),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) progress(`worker: ${line}`);
    };
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
    const worker = new WorkflowWorkerProcess(child);
    return { worker, ready: await worker.ready };
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** process.memoryUsage() and the worker's status in the child; after a GC when asked. */
  memory(gc: boolean): Promise<WorkerMemorySample> {
    if (this.failure) return Promise.reject(this.failure);
    const id = (this.nextId += 1);
    const sample = new Promise<WorkerMemorySample>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    this.send({ type: 'sample', id, gc });
    return sample;
  }

  /** VmRSS and VmHWM (peak RSS) of the child, every thread, by the kernel's accounting. */
  procStatus(): { vmRssBytes: number; vmHwmBytes: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { vmRssBytes: kib('VmRSS'), vmHwmBytes: kib('VmHWM') };
  }

  /** Waits until no workflow activation or activity is in flight (or the timeout passes). */
  async quiesce(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sample = await this.memory(false);
      const idle = sample.inFlightActivations === 0 && sample.inFlightActivities === 0;
      if (idle || Date.now() > deadline) return;
      await sleep(200);
    }
  }

  /** Asks the worker to drain and stop; SIGKILLs it if it has not exited after the grace. */
  async stop(graceMs = 30_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.send({ type: 'shutdown' });
    const timedOut = await Promise.race([this.exited.then(() => false), sleep(graceMs, true)]);
    if (timedOut) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  private settle(id: number, sample: WorkerMemorySample): void {
    this.pending.get(id)?.resolve(sample);
    this.pending.delete(id);
  }

  private send(message: WorkerParentMessage): void {
    this.child.send(message);
  }
}
