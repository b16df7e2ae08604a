import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { IS_FAILING } from '../intake/intake-problem';

interface CountRow {
  kind: 'stage' | 'stuck';
  tenant_id: string;
  label: string;
  episodes: string;
}

/**
 * The api's Prometheus metrics: request latency by route, episodes by stage and stuck reason
 * (read at scrape time from the worklist model, counts only), the intake queue, and the
 * process defaults.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly logger = new Logger(ApiMetrics.name);
  private readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly streamDuration: Histogram<'route'>;

  constructor(dataSource: DataSource) {
    const registers = [this.registry];
    const logger = this.logger;
    collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new Histogram({
      name: 'care_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent, by route template.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.streamDuration = new Histogram({
      name: 'care_http_event_stream_duration_seconds',
      help: 'How long server-sent event streams stayed open, by route template.',
      labelNames: ['route'],
      buckets: [1, 10, 60, 300, 900, 3600, 14_400, 86_400],
      registers,
    });
    // The two episode gauges are collected at once on each scrape and share one query.
    let scrape: Promise<CountRow[]> | undefined;
    const counts = async (kind: CountRow['kind']) => {
      scrape ??= dataSource
        .query<CountRow[]>(`SELECT * FROM episode_counts()`)
        .finally(() => (scrape = undefined));
      return (await scrape).filter((row) => row.kind === kind);
    };
    new Gauge({
      name: 'care_episodes',
      help: 'Episodes by tenant and stage (closed and cancelled included).',
      labelNames: ['tenant', 'stage'],
      registers,
      async collect() {
        this.reset();
        try {
          for (const row of await counts('stage')) {
            this.set({ tenant: row.tenant_id, stage: row.label }, Number(row.episodes));
          }
        } catch (error) {
          logger.warn(`episode counts could not be read: ${String(error)}`);
        }
      },
    });
    new Gauge({
      name: 'care_episodes_stuck',
      help: 'Open episodes flagged stuck, by tenant and reason.',
      labelNames: ['tenant', 'reason'],
      registers,
      async collect() {
        this.reset();
        try {
          for (const row of await counts('stuck')) {
            this.set({ tenant: row.tenant_id, reason: row.label }, Number(row.episodes));
          }
        } catch (error) {
          logger.warn(`stuck counts could not be read: ${String(error)}`);
        }
      },
    });
    new Gauge({
      name: 'care_intake_queue_messages',
      help: 'Feed messages acknowledged and not yet applied (pending), failing among them, or refused by the rules.',
      labelNames: ['status'],
      registers,
      async collect() {
        this.reset();
        try {
          const rows = await dataSource.query<{ status: string; messages: string }[]>(
            `SELECT status, count(*) AS messages FROM intake_queue GROUP BY status
             UNION ALL
             SELECT 'failing', count(*) FROM intake_queue
              WHERE ${IS_FAILING}`,
          );
          for (const status of ['pending', 'failing', 'refused']) {
            const row = rows.find((candidate) => candidate.status === status);
            this.set({ status }, Number(row?.messages ?? 0));
          }
        } catch (error) {
          logger.warn(`intake queue could not be read: ${String(error)}`);
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  /**
   * Times every request by its route template, so ids never become label values. An event
   * stream's answer lasts as long as its client stays, so it is timed apart from the latency;
   * a request whose client left before its answer was sent is not timed.
   */
  readonly timeRequests = (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (request.route as { path?: string } | undefined)?.path;
      const route = path ? `${request.baseUrl}${path}` : 'unmatched';
      if (String(response.getHeader('content-type')).startsWith('text/event-stream')) {
        this.streamDuration.observe({ route }, seconds);
      } else if (response.writableFinished) {
        this.requestDuration.observe(
          { method: request.method, route, status: String(response.statusCode) },
          seconds,
        );
      }
    });
    next();
  };
}
