import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startApi } from './support/api-server';
import { openBrowser, saveScreenshot, type BrowserSession } from './support/browser';
import { ensureConsoleBuilt } from './support/console-build';
import { EpisodeDriver } from './support/episode-driver';

/** How soon a newly stuck episode must show in an open queue, without a reload. */
const LIVE_WITHIN_MS = 5_000;

interface EpisodeView {
  stage: string;
  stuck?: { reasons: string[]; since: string };
  handoffs: { handoffId: string; assignee: string; status: string }[];
  timeline: { items: { type: string; recordedAt: string; data: Record<string, unknown> }[] };
}

/** The ops console in Chromium against the api and worker on the real stack. */
describe('ops console in a browser (api, worker and Chromium on the real stack)', () => {
  const config = loadConfig();
  const tenantId = `console-${randomUUID().slice(0, 8)}`;
  let worker: INestApplicationContext;
  let api: INestApplication;
  let baseUrl: string;
  let browser: BrowserSession;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 1,
      applicationName: 'ops-console-e2e',
    }).initialize();
    await ensureConsoleBuilt();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
    browser = await openBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await worker?.close();
    await dataSource?.query(`DELETE FROM intake_queue WHERE tenant_id = $1`, [tenantId]);
    await dataSource?.destroy();
  });

  const tokenFor = (roles: Role[], subject: string) =>
    issueToken(config, { subject, roles, tenantId });

  const episode = async (episodeId: string): Promise<EpisodeView> => {
    const response = await fetch(`${baseUrl}/v1/episodes/${episodeId}`, {
      headers: { authorization: `Bearer ${await tokenFor(['coordinator'], 'rn-console')}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as EpisodeView;
  };

  const signIn = async (page: Page, token: string) => {
    await page.goto(`${baseUrl}/console/`);
    await page.getByRole('textbox', { name: 'Access token' }).fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('keeps an invalid token out with an alert on the sign-in page', async () => {
    const page = await browser.context.newPage();

    await signIn(page, 'not-a-token');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/unauthorized/i);
    expect(await page.getByRole('textbox', { name: 'Access token' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.close();
  });

  it('shows a hand-off past its SLA in the open stuck queue within 5 s, and clears it when operations reassign it', async () => {
    const driver = new EpisodeDriver(baseUrl, tenantId);
    const episodeId = await driver.plannedEpisode();
    expect((await episode(episodeId)).stuck).toBeUndefined();
    const page = await browser.context.newPage();
    const reassignRequests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/reassign')) {
        reassignRequests.push(request.url());
      }
    });

    await signIn(page, await tokenFor(['ops'], 'ops-lead'));
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Stuck queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stuck queue' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: episodeId }) });
    expect(await row.count()).toBe(0);
    let reloads = 0;
    page.on('load', () => (reloads += 1));

    const assignee = `Organization/pcp-${randomUUID().slice(0, 8)}`;
    const handoffId = await driver.requestOverdueHandoff(episodeId, assignee);
    const requestedAt = Date.now();
    await row.waitFor({ state: 'visible', timeout: LIVE_WITHIN_MS });
    const rowShownAt = Date.now();

    expect(reloads).toBe(0);
    const stuck = await episode(episodeId);
    expect(stuck.stuck?.reasons).toEqual(['handoff-sla']);
    const flagged = stuck.timeline.items.find(
      (entry) => entry.type === 'care.episode.stuck_flagged.v1',
    );
    expect(flagged?.data.reasons).toEqual(['handoff-sla']);
    const sinceFlagged = rowShownAt - Date.parse(flagged!.recordedAt);
    expect(sinceFlagged).toBeLessThanOrEqual(LIVE_WITHIN_MS);
    expect(await row.textContent()).toContain(assignee);
    process.stdout.write(
      `stuck queue: row shown ${rowShownAt - requestedAt} ms after the hand-off request was answered, ` +
        `${sinceFlagged} ms after the stuck flag was recorded\n`,
    );
    await saveScreenshot(page, 'stuck-queue');

    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    for (const section of [
      'Episodes by stage',
      'Stuck by reason',
      'TCM compliance today',
      'Stage funnel',
      'Feed messages',
      'Time in stage',
    ]) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    await saveScreenshot(page, 'overview');

    await page.getByRole('navigation').getByRole('link', { name: 'Stuck queue' }).click();
    await row.getByRole('link', { name: episodeId }).click();
    await page.getByRole('heading', { level: 1, name: `Episode ${episodeId}` }).waitFor();
    expect(
      await page.getByRole('link', { name: 'Open in Temporal UI' }).getAttribute('href'),
    ).toContain(episodeId);

    await page.getByRole('button', { name: `Reassign hand-off ${handoffId}` }).click();
    const dialog = page.getByRole('dialog', { name: /Reassign hand-off/ });
    await dialog.getByRole('textbox', { name: 'New assignee' }).fill('org/north-clinic');
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await dialog.getByText(/reason is required/i).waitFor();
    expect(reassignRequests).toEqual([]);

    const reason = `PCP office closed this week (${randomUUID().slice(0, 8)})`;
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('alert').first().waitFor();
    const reassigned = page
      .getByRole('list', { name: 'Timeline' })
      .getByRole('listitem')
      .filter({ hasText: 'Hand-off reassigned' })
      .filter({ hasText: reason });
    await reassigned.waitFor({ timeout: 10_000 });
    expect(reassignRequests).toHaveLength(1);
    await saveScreenshot(page, 'episode');

    await page.getByRole('navigation').getByRole('link', { name: 'Stuck queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stuck queue' }).waitFor();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    const after = await episode(episodeId);
    expect(after.stuck).toBeUndefined();
    expect(after.handoffs).toContainEqual(
      expect.objectContaining({ handoffId, assignee: 'org/north-clinic', status: 'requested' }),
    );
    await page.close();
  }, 120_000);

  it('lists a feed message that keeps failing on the overview, and retries it now with a reason', async () => {
    const encounterId = `ENC-${randomUUID().slice(0, 8)}`;
    const [queued] = await dataSource.query<{ position: string }[]>(
      `INSERT INTO intake_queue (tenant_id, patient_id, action, attempts, last_error, next_attempt_at)
       VALUES ($1, $2, $3, 4, 'Temporal unavailable', now() + interval '1 hour')
       RETURNING position::text AS position`,
      [
        tenantId,
        randomUUID(),
        JSON.stringify({ kind: 'admission', encounterId, admittedAt: new Date().toISOString() }),
      ],
    );
    const position = queued!.position;
    const page = await browser.context.newPage();

    await signIn(page, await tokenFor(['ops'], 'ops-lead'));
    await page.getByRole('heading', { level: 2, name: 'Feed messages' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `Message ${position}` });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Admission of encounter ${encounterId}`);
    expect(await row.textContent()).toContain('Temporal unavailable');
    await saveScreenshot(page, 'feed-messages');

    await row.getByRole('button', { name: `Retry now message ${position}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry feed message' });
    await dialog
      .getByRole('textbox', { name: 'Reason' })
      .fill('Temporal is back after maintenance');
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Feed message ${position} will be tried now.`).waitFor();

    const [audit] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'ops.intake.retry'`,
      [tenantId],
    );
    expect(audit?.n).toBe(1);
    await page.close();
  }, 60_000);
});
