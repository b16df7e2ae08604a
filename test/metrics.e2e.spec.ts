import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken, type Role } from '@care/auth';
import {
  AsyncProjectionRunner,
  createDataSource,
  deterministicEventId,
  PostgresEventStore,
} from '@care/event-store';
import { loadConfig } from '@care/platform';
import { episodeWorklistProjection } from '@care/read-models';
import type { DataSource } from 'typeorm';
import { startApi } from './support/api-server';
import { until } from './support/until';

/** The api's Prometheus endpoint, scraped with an ops token, on the real PostgreSQL. */
describe('api /metrics (real PostgreSQL)', () => {
  const config = loadConfig();
  const tenantId = `metrics-${randomUUID().slice(0, 8)}`;
  let dataSource: DataSource;
  let api: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'metrics-e2e',
    }).initialize();
    const store = new PostgresEventStore(dataSource);
    const episodeId = randomUUID();
    const at = new Date().toISOString();
    await store.append(
      episodeId,
      0,
      [
        {
          eventId: deterministicEventId(`care-episode-${episodeId}`, 1),
          type: 'care.episode.discharge_recorded.v1',
          data: {
            episodeId,
            tenantId,
            encounterId: 'ENC-M1',
            patientRef: 'Patient/m1',
            dischargedAt: at,
          },
          metadata: { tenantId },
        },
        {
          eventId: deterministicEventId(`care-episode-${episodeId}`, 2),
          type: 'care.episode.stuck_flagged.v1',
          data: { at, reasons: ['idle'] },
          metadata: { tenantId },
        },
      ],
      { streamType: 'care-episode' },
    );
    await new AsyncProjectionRunner(dataSource, store, episodeWorklistProjection).catchUp();
    ({ api, baseUrl } = await startApi());
  });

  afterAll(async () => {
    await api?.close();
    await dataSource?.destroy();
  });

  const scrape = async (role?: Role) =>
    fetch(`${baseUrl}/metrics`, {
      headers: role
        ? {
            authorization: `Bearer ${await issueToken(config, { subject: 'prometheus', roles: [role], tenantId })}`,
          }
        : {},
    });
  const sample = (text: string, series: string) =>
    text
      .split('\n')
      .find((line) => line.startsWith(series))
      ?.split(' ')
      .pop();

  it('counts episodes by tenant and stage, stuck ones by reason, and the intake queue', async () => {
    const response = await scrape('ops');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, `care_episodes{tenant="${tenantId}",stage="intake"}`)).toBe('1');
    expect(sample(text, `care_episodes_stuck{tenant="${tenantId}",reason="idle"}`)).toBe('1');
    expect(sample(text, 'care_intake_queue_messages{status="pending"}')).toMatch(/^\d+$/);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('times requests by route template, never by the ids in the path', async () => {
    const token = await issueToken(config, { subject: 'rn-1', roles: ['coordinator'], tenantId });
    await fetch(`${baseUrl}/v1/episodes/${randomUUID()}`, {
      headers: { authorization: `Bearer ${token}` },
    });

    const text = await (await scrape('admin')).text();

    expect(text).toMatch(
      /care_http_request_duration_seconds_count\{method="GET",route="\/v1\/episodes\/:episodeId",status="404"\} [1-9]/,
    );
    expect(text).not.toMatch(/route="\/v1\/episodes\/[0-9a-f]{8}-/);
  });

  it('times an event stream by how long it stayed open, apart from request latency', async () => {
    const token = await issueToken(config, { subject: 'ops-1', roles: ['ops'], tenantId });
    const closed = new AbortController();
    const stream = await fetch(`${baseUrl}/v1/ops/stream`, {
      headers: { authorization: `Bearer ${token}` },
      signal: closed.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    await stream.body!.getReader().read();
    closed.abort();

    const series = 'care_http_event_stream_duration_seconds_count{route="/v1/ops/stream"}';
    const text = await until('the closed stream to be timed', async () => {
      const scraped = await (await scrape('ops')).text();
      return Number(sample(scraped, series) ?? 0) >= 1 && scraped;
    });
    expect(text).not.toMatch(
      /care_http_request_duration_seconds_count\{[^}]*route="\/v1\/ops\/stream"/,
    );
  });

  it.each<[string, number, Role | undefined]>([
    ['no token', 401, undefined],
    ['a coordinator token', 403, 'coordinator'],
  ])('answers a scrape with %s with %i', async (_case, status, role) => {
    expect((await scrape(role)).status).toBe(status);
  });
});
