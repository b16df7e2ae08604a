import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RelayFault } from './relay-harness';

const root = path.resolve(__dirname, '../..');

export interface RelayProcessOptions {
  fault?: RelayFault;
  faultTopic?: string;
  /** Which batch carrying the fault topic triggers the fault; default the first. */
  faultOnBatch?: number;
  batchSize?: number;
}

/** A relay in a process of its own, so a test can SIGKILL it like a crashed pod. */
export class RelayProcess {
  readonly exited: Promise<NodeJS.Signals | number | null>;
  private readonly child: ChildProcess;
  private output = '';

  constructor(options: RelayProcessOptions = {}) {
    this.child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, 'relay-harness.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'),
          RELAY_FAULT: options.fault ?? 'none',
          RELAY_FAULT_TOPIC: options.faultTopic ?? '',
          RELAY_FAULT_ON_BATCH: String(options.faultOnBatch ?? 1),
          RELAY_BATCH_SIZE: String(options.batchSize ?? 10),
          RELAY_POLL_INTERVAL_MS: '20',
          RELAY_STANDBY_POLL_MS: '250',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => resolve(signal ?? code));
    });
  }

  get leading(): boolean {
    return this.output.includes('LEADING');
  }

  get log(): string {
    return this.output;
  }

  kill(): Promise<NodeJS.Signals | number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
}
