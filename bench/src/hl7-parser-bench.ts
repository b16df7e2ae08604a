import { performance } from 'node:perf_hooks';
import { buildAck, parseAdt } from '@care/intake';
import { NEW_YORK, VALID_MESSAGES } from '../../libs/intake/src/hl7/testing/adt-fixtures';
import { percentile, round } from './percentile';
import { progress, type ResultsWriter } from './results-writer';

const BATCH = 200;
const ACK_OPTIONS = { now: new Date('2026-11-20T20:32:00Z'), controlId: 'ACK0001' };

/**
 * The HL7 parser alone, in this process: each batch parses the fixture messages (A01, A03, A08,
 * A11, A13) round-robin and builds each one's ACK; reported as microseconds per message.
 */
export function hl7ParserBench(_env: unknown, results: ResultsWriter, seconds: number): void {
  progress(`hl7: parsing ${VALID_MESSAGES.length} fixture messages for ${seconds} s`);
  const runBatch = () => {
    for (let index = 0; index < BATCH; index += 1) {
      const parsed = parseAdt(VALID_MESSAGES[index % VALID_MESSAGES.length]!, NEW_YORK);
      if (!parsed.ok) throw new Error(`fixture ${index % VALID_MESSAGES.length} was refused`);
      buildAck(parsed, ACK_OPTIONS);
    }
  };
  const warmUpEnd = performance.now() + 1000;
  while (performance.now() < warmUpEnd) runBatch();
  const perMessageUs: number[] = [];
  const end = performance.now() + seconds * 1000;
  let messages = 0;
  while (performance.now() < end) {
    const started = performance.now();
    runBatch();
    perMessageUs.push(((performance.now() - started) * 1000) / BATCH);
    messages += BATCH;
  }
  results.write({
    scenario: 'hl7-parse-and-ack',
    messages,
    perSecond: round(messages / seconds, 0),
    p50Us: round(percentile(perMessageUs, 50), 1),
    p99Us: round(percentile(perMessageUs, 99), 1),
    heapUsedMb: round(process.memoryUsage().heapUsed / 1024 / 1024, 1),
  });
}
