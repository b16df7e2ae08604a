import type { RelayFault } from './relay-harness';
import { TestProcess } from './test-process';

export interface RelayProcessOptions {
  fault?: RelayFault;
  faultTopic?: string;
  /** Which batch carrying the fault topic triggers the fault; default the first. */
  faultOnBatch?: number;
  batchSize?: number;
}

/** A relay in a process of its own (relay-harness.ts), with an optional injected fault. */
export class RelayProcess extends TestProcess {
  constructor(options: RelayProcessOptions = {}) {
    super('relay-harness.ts', {
      RELAY_FAULT: options.fault ?? 'none',
      RELAY_FAULT_TOPIC: options.faultTopic ?? '',
      RELAY_FAULT_ON_BATCH: String(options.faultOnBatch ?? 1),
      RELAY_BATCH_SIZE: String(options.batchSize ?? 10),
      RELAY_POLL_INTERVAL_MS: '20',
      RELAY_STANDBY_POLL_MS: '250',
      LOG_LEVEL: 'warn',
    });
  }

  get leading(): boolean {
    return this.log.includes('LEADING');
  }
}
