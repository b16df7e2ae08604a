import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The local stack's Kafka broker process (infra/local/kafka.sh writes its pid file). */
export class KafkaBrokerProcess {
  private readonly pid: number;

  constructor(runDir = path.resolve(__dirname, '../../.tools/run')) {
    this.pid = Number(readFileSync(path.join(runDir, 'kafka.pid'), 'utf8').trim());
    if (!Number.isInteger(this.pid) || this.pid <= 1) {
      throw new Error(`no Kafka pid in ${runDir}/kafka.pid (is the stack up?)`);
    }
  }

  /** Freezes the broker: connections stay open but nothing answers, like a hung host. */
  freeze(): void {
    process.kill(this.pid, 'SIGSTOP');
  }

  thaw(): void {
    process.kill(this.pid, 'SIGCONT');
  }
}
