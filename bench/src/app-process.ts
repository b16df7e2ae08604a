import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { progress } from './results-writer';

const root = path.resolve(__dirname, '../..');

/** One of the real apps (apps/<name>/src/main.ts) in a child process, as `npm start` runs it. */
export class AppProcess {
  private readonly exited: Promise<number | null>;
  private lastLines: string[] = [];

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const keep = (chunk: Buffer) => {
      this.lastLines = [...this.lastLines, ...chunk.toString().split('\n').filter(Boolean)].slice(
        -20,
      );
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static start(name: 'api' | 'worker', env: Record<string, string>): AppProcess {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(root, `apps/${name}/src/main.ts`)],
      {
        cwd: root,
        env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new AppProcess(name, child);
  }

  /** Resolves once `ready` does; fails when the app exits first or the timeout passes. */
  async waitFor(ready: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (!(await ready().catch(() => false))) {
      if (exited || Date.now() > deadline) {
        throw new Error(
          `${this.name} did not become ready${exited ? ' (it exited)' : ''}:\n${this.lastLines.join('\n')}`,
        );
      }
      await sleep(250);
    }
    progress(`${this.name} ready (pid ${this.child.pid})`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timeout = sleep(15_000).then(() => 'timeout' as const);
    if ((await Promise.race([this.exited, timeout])) === 'timeout') this.child.kill('SIGKILL');
  }

  get pid(): number | undefined {
    return this.child.pid;
  }
}
