import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { until } from './until';

const root = path.resolve(__dirname, '../..');

/**
 * A TypeScript entry point of test/support in a process of its own, so a test can SIGKILL it
 * like a crashed pod. Collects the process's output for assertions and diagnostics.
 */
export class TestProcess {
  readonly exited: Promise<NodeJS.Signals | number | null>;
  private readonly child: ChildProcess;
  private output = '';

  constructor(entry: string, env: Record<string, string>) {
    this.child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, entry)],
      {
        cwd: root,
        env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'), ...env },
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

  get log(): string {
    return this.output;
  }

  /** Waits until the process has printed `text`; fails early if it exits first. */
  async printed(text: string, timeoutMs = 60_000): Promise<void> {
    await until(
      `the process to print ${text}`,
      () => {
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          throw new Error(`the process exited before printing ${text}:\n${this.output}`);
        }
        return this.output.includes(text);
      },
      timeoutMs,
    );
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
