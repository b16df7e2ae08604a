import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { until } from './until';

const root = path.resolve(__dirname, '../..');

/**
 * A TypeScript entry point (a path from test/support) in a process of its own, so a test can
 * SIGKILL it like a crashed pod, or run an app as its main.ts does. Collects the process's output for assertions and diagnostics.
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

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Waits until the process has printed `text`; fails early if it exits first. */
  printed(text: string, timeoutMs = 60_000): Promise<void> {
    return this.until(`the process to print ${text}`, () => this.output.includes(text), timeoutMs);
  }

  /** Waits until `check` holds; fails early, with the process's output, if it exits first. */
  async until(
    description: string,
    check: () => boolean | Promise<boolean | undefined>,
    timeoutMs = 60_000,
  ): Promise<void> {
    await until(
      description,
      async () => {
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          throw new Error(`the process exited before ${description}:\n${this.output}`);
        }
        return (await check()) === true;
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
