import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One JSON line per scenario, on stdout and in bench/results/<suite>-<time>.jsonl. */
export class ResultsWriter {
  private readonly file: string;

  constructor(suite: string) {
    const dir = path.resolve(__dirname, '../results');
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `${suite}-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
  }

  /** A readable summary next to the JSON lines: bench/results/<suite>-<time>.md. */
  writeMarkdown(markdown: string): string {
    const file = this.file.replace(/\.jsonl$/, '.md');
    writeFileSync(file, `${markdown}\n`);
    return file;
  }

  write(result: Record<string, unknown>): void {
    const line = JSON.stringify({ ...result, at: new Date().toISOString() });
    console.log(line);
    appendFileSync(this.file, `${line}\n`);
  }
}

export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
