import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

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
      help: 'Feed messages acknowledged and not yet applied (pending) or refused by the rules.',
      labelNames: ['status'],
      registers,
      async collect() {
        this.reset();
        try {
          const rows = await dataSource.query<{ status: string; messages: string }[]>(
            `SELECT status, count(*) AS messages FROM intake_queue GROUP BY status`,
          );
          for (const status of ['pending', 'refused']) {
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

  /** Times every request by its route template, so ids never become label values. */
  readonly timeRequests = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.requestDuration.startTimer();
    response.once('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      stop({
        method: request.method,
        route: route ? `${request.baseUrl}${route}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}
