import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { INestApplication } from '@nestjs/common';
import { issueToken, type Role } from '@care/auth';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { startApi } from './support/api-server';
import { reportCohort, writeReportingTables } from './support/report-cohort';
import { openBrowser, saveScreenshot, type BrowserSession } from './support/browser';
import { ensureConsoleBuilt } from './support/console-build';

const REPORTS = [
  'TCM compliance',
  'Hand-off acceptance',
  'Stage durations',
  'Readmissions',
  'Social needs and referrals',
  'Care plan interventions on time',
];

const cells = (line: string) => line.split(' | ');
// Year, episodes, open, cancelled, closed; contact, visit, medication and billable rates; CPT
// 99495 and 99496; failed assessment, contact, visit, medication and coverage rules; first
// contact (p50).
const TCM_2025 = cells(
  '2025 | 1 | 0 | 0 | 1 | 100% (1/1) | 100% (1/1) | 100% (1/1) | 100% (1/1) | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 10 h',
);
const TCM_2026 = cells(
  '2026 | 5 | 1 | 1 | 4 | 75% (3/4) | 75% (3/4) | 100% (4/4) | 50% (2/4) | 1 | 1 | 0 | 0 | 1 | 0 | 1 | 10 h',
);

/** How long a table may take to show the answer to a changed year or grouping. */
const SHOWN_WITHIN_MS = 10_000;

/** The text of every cell of a table's body, row by row. */
async function bodyRows(section: Locator): Promise<string[][]> {
  const rows = await section.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) =>
      (await row.locator('th, td').allInnerTexts()).map((text) => text.trim()),
    ),
  );
}

/**
 * Waits for the table of a section to show `expected` (of each row, what `pick` takes), then
 * asserts it, for the difference when it never does.
 */
async function expectRows(
  section: Locator,
  expected: string[][],
  pick: (row: string[]) => string[] = (row) => row,
): Promise<void> {
  const deadline = Date.now() + SHOWN_WITHIN_MS;
  const shown = async () => (await bodyRows(section)).map(pick);
  let rows = await shown();
  while (JSON.stringify(rows) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    rows = await shown();
  }
  expect(rows).toEqual(expected);
}

/**
 * The reports page of the console in Chromium, over reporting tables built by the reporter's
 * own code from the analytics events of the report cohort (test/support/report-cohort.ts).
 */
describe('reports in the console (api, reporting tables and Chromium on the real stack)', () => {
  const config = loadConfig();
  const tenantId = `console-reports-${randomUUID().slice(0, 8)}`;
  const cohort = reportCohort(tenantId);
  let database: DataSource;
  let api: INestApplication;
  let baseUrl: string;
  let browser: BrowserSession;
  let context: BrowserContext;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    database = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'reports-console-e2e',
    }).initialize();
    await writeReportingTables(database, cohort.flat());
    ({ api, baseUrl } = await startApi());
    browser = await openBrowser();
    // Percentages as the tables below spell them, whatever the machine's language.
    context = await browser.browser.newContext({
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.close();
    await database?.destroy();
  });

  const tokenFor = (roles: Role[], subject: string) =>
    issueToken(config, { subject, roles, tenantId });

  const signIn = async (page: Page, token: string) => {
    await page.goto(`${baseUrl}/console/`);
    await page.getByRole('textbox', { name: 'Access token' }).fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  const download = async (section: Locator) => {
    const page = section.page();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const saved = await file.path();
    return { name: file.suggestedFilename(), text: await readFile(saved, 'utf8') };
  };

  it('lands an analyst on the reports of their tenant, by discharge year and grouping, with CSV downloads', async () => {
    const page = await context.newPage();
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/v1/')) apiCalls.push(pathname);
    });

    await signIn(page, await tokenFor(['analyst'], 'analyst-quality'));

    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/reports');
    const navigation = page.getByRole('navigation', { name: 'Console' });
    expect(await navigation.getByRole('link').allInnerTexts()).toEqual(['Reports']);
    expect(await page.getByRole('status').count()).toBe(0);
    expect(
      await page
        .getByText(/service period/)
        .first()
        .textContent(),
    ).toMatch(/weeks of the service period.*no calendar dates/);

    const section = (name: string) => page.getByRole('region', { name });
    const [tcm, handoffs, stages, readmissions, needs, interventions] = REPORTS.map(section) as [
      Locator,
      Locator,
      Locator,
      Locator,
      Locator,
      Locator,
    ];
    for (const name of REPORTS) {
      await section(name).getByRole('heading', { level: 2, name }).waitFor();
    }

    await expectRows(tcm, [TCM_2025, TCM_2026]);
    await expectRows(readmissions, [
      ['2025', '1', '0% (0/1)', '0', '0'],
      ['2026', '4', '25% (1/4)', '1', '2'],
    ]);
    // Hand-offs, accepted: a closed loop each of PCP, specialist (reassigned) and home health
    // (declined) per episode that got that far, and the care plans' referrals for social needs.
    await expectRows(
      handoffs,
      [
        ['2025', '4', '50% (2/4)'],
        ['2026', '19', '36.8% (7/19)'],
      ],
      (row) => row.slice(0, 3),
    );
    // Year, need, screened, in need; then the referrals' closure.
    const domains = [
      'Living situation',
      'Food',
      'Transportation',
      'Utilities',
      'Interpersonal safety',
    ];
    await expectRows(
      needs,
      [
        ...domains.map((domain, index) => [
          '2025',
          domain,
          '1',
          index === 4 ? '100% (1/1)' : '0% (0/1)',
          index === 4 ? '100% (1/1)' : '— (0/0)',
        ]),
        ...['25% (1/4)', '50% (2/4)', '25% (1/4)', '25% (1/4)', '0% (0/4)'].map(
          (positive, index) => [
            '2026',
            domains[index]!,
            '4',
            positive,
            ['0% (0/1)', '50% (1/2)', '0% (0/1)', '— (0/0)', '— (0/0)'][index]!,
          ],
        ),
      ],
      (row) => [...row.slice(0, 4), row.at(-1)!],
    );
    // Year, interventions, came due, on-time rate.
    await expectRows(
      interventions,
      [
        ['2025', '2', '2', '50% (1/2)'],
        ['2026', '13', '8', '37.5% (3/8)'],
      ],
      (row) => [row[0]!, row[1]!, row[2]!, row[9]!],
    );
    // Year, stage, stages left.
    const stagesLeft = (year: string, counts: string[]) =>
      ['Intake', 'Assessment', 'Planning', 'Hand-off'].map((stage, index) => [
        year,
        stage,
        counts[index] ?? '',
      ]);
    await expectRows(
      stages,
      [...stagesLeft('2025', ['1', '1', '1', '1']), ...stagesLeft('2026', ['6', '6', '5', '4'])],
      (row) => row.slice(0, 3),
    );
    for (const name of REPORTS) {
      await section(name).locator('.recharts-bar-rectangle').first().waitFor({ state: 'attached' });
    }

    const year = page.getByRole('combobox', { name: 'Discharge year' });
    expect(await year.locator('option').allInnerTexts()).toEqual(['All years', '2026', '2025']);
    await year.selectOption('2025');
    await expectRows(tcm, [TCM_2025]);
    await expectRows(readmissions, [['2025', '1', '0% (0/1)', '0', '0']]);
    await expectRows(stages, stagesLeft('2025', ['1', '1', '1', '1']), (row) => row.slice(0, 3));

    await year.selectOption('2026');
    await readmissions.getByRole('combobox', { name: 'Group by' }).selectOption('week');
    await expectRows(readmissions, [
      ['2026', 'Week 1', '4', '0% (0/4)', '0', '1'],
      ['2026', 'Week 2', '4', '25% (1/4)', '1', '0'],
      ['2026', 'Week 3', '4', '0% (0/4)', '0', '1'],
      ['2026', 'Week 4', '4', '0% (0/4)', '0', '0'],
      ['2026', 'Week 5', '4', '0% (0/4)', '0', '0'],
    ]);
    expect(new URL(page.url()).search).toBe('?year=2026&readmissions=week');
    await saveScreenshot(page, 'reports');

    const byWeek = await download(readmissions);
    expect(byWeek.name).toBe(`${tenantId}-readmissions-2026-by-week.csv`);
    expect(byWeek.text).toBe(
      [
        'dischargeYear,serviceWeek,closedEpisodes,readmittedNumerator,readmittedDenominator,readmittedRate,readmissions,edRevisits',
        '2026,1,4,0,4,0,0,1',
        '2026,2,4,1,4,0.25,1,0',
        '2026,3,4,0,4,0,0,1',
        '2026,4,4,0,4,0,0,0',
        '2026,5,4,0,4,0,0,0',
        '',
      ].join('\r\n'),
    );
    const compliance = await download(tcm);
    expect(compliance.name).toBe(`${tenantId}-tcm-compliance-2026.csv`);
    const [header, ...lines] = compliance.text.split('\r\n');
    expect(header).toBe(
      [
        'dischargeYear,episodes,openEpisodes,cancelledEpisodes,closedEpisodes',
        'contactWithinWindowNumerator,contactWithinWindowDenominator,contactWithinWindowRate',
        'visitWithinWindowNumerator,visitWithinWindowDenominator,visitWithinWindowRate',
        'medicationReconciledByVisitNumerator,medicationReconciledByVisitDenominator,medicationReconciledByVisitRate',
        'billableNumerator,billableDenominator,billableRate,billed99495,billed99496',
        'failedAssessment,failedContact,failedFaceToFace,failedMedicationReconciliation,failedCoverage',
        'firstContactHoursP50',
      ].join(','),
    );
    expect(lines).toEqual(['2026,5,1,1,4,3,4,0.75,3,4,0.75,4,4,1,2,4,0.5,1,1,0,0,1,0,1,10', '']);
    await interventions.getByRole('combobox', { name: 'Group by' }).selectOption('owner');
    await expectRows(
      interventions,
      [
        ['2026', 'Coordinator', '9', '33.3% (2/6)'],
        ['2026', 'Hand-off', '4', '50% (1/2)'],
      ],
      (row) => [row[0]!, row[1]!, row[2]!, row[10]!],
    );
    expect(new URL(page.url()).search).toBe(
      '?year=2026&readmissions=week&intervention-timeliness=owner',
    );

    // The operations pages are not the analyst's: they say so instead of asking the api.
    await page.goto(`${baseUrl}/console/stuck`);
    await page.getByRole('heading', { level: 1, name: 'Not available to your roles' }).waitFor();
    await page.getByRole('link', { name: 'Go to the reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    expect(apiCalls.filter((call) => !call.startsWith('/v1/reports/'))).toEqual([]);
    await page.close();
  }, 120_000);

  it('gives an admin the operations pages, their live status and the reports', async () => {
    const page = await context.newPage();

    await signIn(page, await tokenFor(['admin'], 'admin-quality'));

    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Console' });
    expect(await navigation.getByRole('link').allInnerTexts()).toEqual([
      'Overview',
      'Stuck queue',
      'Reports',
    ]);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await navigation.getByRole('link', { name: 'Reports' }).click();
    await expectRows(page.getByRole('region', { name: 'Readmissions' }), [
      ['2025', '1', '0% (0/1)', '0', '0'],
      ['2026', '4', '25% (1/4)', '1', '2'],
    ]);
    await page.close();
  }, 60_000);
});
