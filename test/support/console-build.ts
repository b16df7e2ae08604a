import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');
/** What the console is built from: its own folder and the domain vocabulary it shares. */
const CONSOLE_SOURCES = [path.join(ROOT, 'apps/console'), path.join(ROOT, 'libs/domain/src')];
const CONSOLE_INDEX = path.join(ROOT, 'dist/console/index.html');

async function newestSourceChange(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).mtimeMs),
  );
  return Math.max(0, ...times);
}

/** The api serves dist/console: build it when it is missing or older than its sources. */
export async function ensureConsoleBuilt(): Promise<void> {
  const built = await stat(CONSOLE_INDEX).then(
    (file) => file.mtimeMs,
    () => undefined,
  );
  const changed = Math.max(...(await Promise.all(CONSOLE_SOURCES.map(newestSourceChange))));
  if (built !== undefined && built >= changed) return;
  await promisify(execFile)('npm', ['run', '--silent', 'build:console'], {
    cwd: ROOT,
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}
