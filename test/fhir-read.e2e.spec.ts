import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import { createDataSource } from '@care/event-store';
import { PatientRepository } from '@care/patients';
import { loadConfig } from '@care/platform';
import type {
  Bundle,
  CarePlan,
  Coverage,
  Goal,
  OperationOutcome,
  Resource,
  Task,
} from '@medplum/fhirtypes';
import type { DataSource } from 'typeorm';
import { r4Issues } from '../apps/api/src/fhir-read/testing/r4-validation';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { openOwnerDatabase } from './support/owner-database';
import { startApi } from './support/api-server';
import { until } from './support/until';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const now = () => new Date().toISOString();

/** What the EHR reads over FHIR R4, on the real api, worker, Temporal and PostgreSQL. */
describe('FHIR R4 reads of care plans, goals, tasks and coverage (real stack)', () => {
  const config = loadConfig();
  // A tenant of its own, so its patients and episodes are only this run's.
  const tenantId = `fhir-read-${randomUUID().slice(0, 8)}`;
  const memberId = `MB${randomUUID().slice(0, 8).toUpperCase()}`;
  const enteredMemberId = `XQZ${randomUUID().slice(0, 8).toUpperCase()}`;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let app: DataSource;
  let owner: DataSource;
  let patientId: string;
  let episodeId: string;
  const ids = { problem: '', goal: '', intervention: '', referralHandoff: '', pcpHandoff: '' };

  const headers = async (roles: Role[], tenant = tenantId) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${await issueToken(config, { subject: 'rn-7', roles, tenantId: tenant })}`,
  });

  const act = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${baseUrl}/v1/${path}`, {
      method: 'POST',
      headers: await headers([path === 'discharges' ? 'integration' : 'coordinator']),
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };

  const read = async <T = Resource>(
    path: string,
    options: { roles?: Role[]; tenant?: string; token?: string | null } = {},
  ) => {
    const authorization: Record<string, string> =
      options.token === null
        ? {}
        : {
            authorization: (await headers(options.roles ?? ['integration'], options.tenant))
              .authorization,
          };
    const response = await fetch(`${baseUrl}/v1/fhir/${path}`, { headers: authorization });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      requestId: response.headers.get('x-request-id'),
      body: (await response.json()) as T,
    };
  };

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'fhir-read-e2e',
    }).initialize();
    owner = await openOwnerDatabase('fhir-read-e2e-owner');

    // A patient the feed named with a Medicare coverage, discharged two days ago.
    patientId = await new PatientRepository(app).keep(tenantId, {
      identifiers: [{ system: 'urn:fhir-read-e2e:mrn', value: `MRN-${randomUUID()}` }],
      coverages: [
        {
          priority: 1,
          payerId: 'CMS',
          payerName: 'Medicare',
          planId: 'MEDICARE-B',
          planType: 'MC',
          memberId,
        },
      ],
    });
    ({ episodeId } = (await act('discharges', {
      tenantId,
      encounterId: `ENC-${randomUUID()}`,
      patientRef: `Patient/${patientId}`,
      dischargedAt: ago(48),
    })) as { episodeId: string });
    const episode = `episodes/${episodeId}`;
    await until('the TCM clocks to start', async () => {
      const response = await fetch(`${baseUrl}/v1/${episode}`, {
        headers: await headers(['coordinator']),
      });
      return ((await response.json()) as { stage: string }).stage === 'assessment';
    });
    await act(`${episode}/assessment`, {
      at: ago(40),
      lace: { lengthOfStayDays: 5, acuteAdmission: true, charlsonScore: 3, edVisitsLast6Months: 1 },
      complexity: 'high',
    });
    // The plan: a template's food-insecurity problem, goal and food-bank referral, and a
    // heart-failure problem with a goal and a coordinator's intervention.
    const applied = (await act(`${episode}/care-plan/template-applications`, {
      at: now(),
      templateId: 'need-food',
    })) as { ids: Record<string, string> };
    ids.referralHandoff = applied.ids['handoff/food-bank-referral']!;
    const problem = await act(`${episode}/care-plan/problems`, {
      at: now(),
      source: { kind: 'diagnosis' },
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.9' },
      description: 'Heart failure',
    });
    ids.problem = problem.itemId as string;
    const goal = await act(`${episode}/care-plan/goals`, {
      at: now(),
      problemId: ids.problem,
      description: 'Weighs daily and knows when to call',
      targetDate: ago(-24 * 7).slice(0, 10),
    });
    ids.goal = goal.itemId as string;
    const intervention = await act(`${episode}/care-plan/interventions`, {
      at: now(),
      goalId: ids.goal,
      description: 'Teach daily weights with a log',
      owner: { kind: 'coordinator', id: 'rn-7' },
      dueAt: ago(-24),
    });
    ids.intervention = intervention.itemId as string;
    // The approval requests the referral's hand-off; a PCP hand-off is requested and declined.
    await act(`${episode}/plan-approval`, { at: now(), handoffKinds: ['pcp'] });
    const pcp = await act(`${episode}/handoffs`, {
      at: now(),
      kind: 'pcp',
      assignee: 'Organization/pcp-12',
    });
    ids.pcpHandoff = pcp.handoffId as string;
    await act(`${episode}/handoffs/${ids.pcpHandoff}/decline`, {
      at: now(),
      reason: 'Not accepting new patients',
    });
    await act(`${episode}/care-plan/interventions/${ids.intervention}/status`, {
      at: now(),
      status: 'in_progress',
    });
    await act(`${episode}/care-plan/goals/${ids.goal}/status`, { at: now(), status: 'active' });
    // A coordinator enters a Medicare Advantage coverage: member id to the patients store.
    await act(`${episode}/coverage`, {
      at: now(),
      payerClass: 'medicare_advantage',
      payerName: 'Humana Gold Plus',
      planType: 'HM',
      memberId: enteredMemberId,
    });
  }, 180_000);

  afterAll(async () => {
    await owner?.destroy();
    await app?.destroy();
    await api?.close();
    await worker?.close();
  });

  const auditRows = (requestId: string | null) =>
    owner.query<{ action: string; episode_id: string | null; fields: string[]; roles: string[] }[]>(
      `SELECT action, episode_id, fields, roles FROM audit_log WHERE request_id = $1`,
      [requestId],
    );

  it('serves the patient’s care plans as a searchset Bundle of valid R4, and audits the read', async () => {
    const byReference = await read<Bundle<CarePlan>>(`CarePlan?subject=Patient/${patientId}`);
    const byId = await read<Bundle<CarePlan>>(`CarePlan?subject=${patientId}`);

    expect(byReference.status).toBe(200);
    expect(byReference.contentType).toMatch(/^application\/fhir\+json/);
    expect(byReference.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(byId.body.total).toBe(1);
    const plan = byReference.body.entry![0]!.resource!;
    expect(byReference.body.entry![0]!.fullUrl).toBe(`${baseUrl}/v1/fhir/CarePlan/${episodeId}`);
    expect(plan).toMatchObject({
      id: episodeId,
      meta: { versionId: expect.stringMatching(/^[1-9]\d*$/) as string },
      status: 'active',
      intent: 'plan',
      subject: { reference: `Patient/${patientId}` },
      author: { identifier: { value: 'rn-7' } },
      goal: expect.arrayContaining([{ reference: `Goal/${ids.goal}` }]) as unknown,
    });
    expect(plan.contained?.map((condition) => condition.id)).toContain(ids.problem);
    expect(plan.addresses).toContainEqual({ reference: `#${ids.problem}` });
    expect(plan.activity?.map((activity) => activity.reference?.reference)).toEqual(
      expect.arrayContaining([`Task/${ids.intervention}`]),
    );
    expect(r4Issues(byReference.body)).toEqual([]);

    const audit = await auditRows(byReference.requestId);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'fhir.careplan.search',
        episode_id: episodeId,
        roles: ['integration'],
        fields: expect.arrayContaining(['carePlan.problems', 'carePlan.goals']) as unknown,
      }),
    ]);
  });

  it('reads the CarePlan by its id, the episode’s', async () => {
    const { status, body } = await read<CarePlan>(`CarePlan/${episodeId}`, { roles: ['ops'] });

    expect(status).toBe(200);
    expect(body).toMatchObject({ resourceType: 'CarePlan', id: episodeId, status: 'active' });
    expect(r4Issues(body)).toEqual([]);
  });

  it('serves the interventions and hand-offs as Tasks of the plan, each activity of the CarePlan among them', async () => {
    const plan = (await read<CarePlan>(`CarePlan/${episodeId}`)).body;
    const { status, body } = await read<Bundle<Task>>(`Task?patient=Patient/${patientId}`);
    const tasks = body.entry!.map((entry) => entry.resource!);
    const byId = (id: string) => tasks.find((task) => task.id === id);

    expect(status).toBe(200);
    expect(body.total).toBe(tasks.length);
    for (const activity of plan.activity ?? []) {
      expect(byId(activity.reference!.reference!.replace('Task/', ''))).toBeDefined();
    }
    expect(byId(ids.intervention)).toMatchObject({
      status: 'in-progress',
      intent: 'plan',
      for: { reference: `Patient/${patientId}` },
      focus: { reference: `CarePlan/${episodeId}` },
      basedOn: [{ reference: `CarePlan/${episodeId}` }],
      reasonReference: { reference: `Goal/${ids.goal}` },
      owner: { identifier: { value: 'rn-7' } },
      restriction: { period: { end: expect.any(String) as string } },
      executionPeriod: { start: expect.any(String) as string },
    });
    const referral = byId(ids.referralHandoff);
    expect(referral).toMatchObject({
      status: 'requested',
      intent: 'order',
      code: { coding: [{ code: 'community_resource' }] },
      partOf: [{ reference: expect.stringMatching(/^Task\//) as string }],
    });
    expect(byId(referral!.partOf![0]!.reference!.replace('Task/', ''))).toMatchObject({
      intent: 'plan',
      description: expect.any(String) as string,
    });
    // A hand-off requested on its own is an activity of the plan, part of no other Task.
    expect(byId(ids.pcpHandoff)).toMatchObject({
      status: 'rejected',
      statusReason: { text: 'Not accepting new patients' },
      intent: 'order',
      code: { coding: [{ code: 'pcp' }] },
      owner: { reference: 'Organization/pcp-12' },
      executionPeriod: { end: expect.any(String) as string },
    });
    expect(byId(ids.pcpHandoff)?.partOf).toBeUndefined();
    expect(plan.activity).toContainEqual({ reference: { reference: `Task/${ids.pcpHandoff}` } });
    expect(r4Issues(body)).toEqual([]);

    const orders = await read<Bundle<Task>>(`Task?subject=${patientId}&intent=order`);
    expect(orders.body.entry?.every((entry) => entry.resource?.intent === 'order')).toBe(true);
  });

  it('reads a Task and a Goal by their ids once the worklist has them', async () => {
    const task = await until('the Task to be found', async () => {
      const answer = await read<Task>(`Task/${ids.intervention}`);
      return answer.status === 200 ? answer : undefined;
    });
    const goal = await until('the Goal to be found', async () => {
      const answer = await read<Goal>(`Goal/${ids.goal}`, { roles: ['coordinator'] });
      return answer.status === 200 ? answer : undefined;
    });

    expect(task.body).toMatchObject({ id: ids.intervention, status: 'in-progress' });
    expect(goal.body).toMatchObject({
      resourceType: 'Goal',
      id: ids.goal,
      lifecycleStatus: 'active',
      achievementStatus: { coding: [{ code: 'in-progress' }] },
      description: { text: 'Weighs daily and knows when to call' },
      target: [{ dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string }],
      addresses: [{ reference: `#${ids.problem}` }],
    });
    expect(r4Issues(task.body)).toEqual([]);
    expect(r4Issues(goal.body)).toEqual([]);
    const audit = await auditRows(goal.requestId);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'fhir.goal.read', episode_id: episodeId }),
    ]);

    const goals = await read<Bundle<Goal>>(`Goal?subject=Patient/${patientId}`);
    expect(goals.body.entry?.map((entry) => entry.resource?.id)).toContain(ids.goal);
    expect(r4Issues(goals.body)).toEqual([]);
  });

  it('serves Coverage with the member id to the EHR, without it to operations, audited as such', async () => {
    const ehr = await read<Bundle<Coverage>>(`Coverage?beneficiary=Patient/${patientId}`);
    const ops = await read<Bundle<Coverage>>(`Coverage?beneficiary=Patient/${patientId}`, {
      roles: ['ops'],
    });

    expect(ehr.status).toBe(200);
    expect(ehr.body.total).toBe(2);
    const byId = (bundle: Bundle<Coverage>, id: string) =>
      bundle.entry?.find((entry) => entry.resource?.id === id)?.resource;
    expect(byId(ehr.body, `${patientId}-feed-1`)).toMatchObject({
      status: 'active',
      beneficiary: { reference: `Patient/${patientId}` },
      payor: [{ display: 'Medicare', identifier: { value: 'CMS' } }],
      type: { text: 'MC' },
      class: [{ type: { coding: [{ code: 'plan' }] }, value: 'MEDICARE-B' }],
      subscriberId: memberId,
      order: 1,
    });
    // The payer class the coordinator recorded on the episode for this coverage.
    expect(byId(ehr.body, `${patientId}-coordinator-1`)).toMatchObject({
      payor: [{ display: 'Humana Gold Plus' }],
      type: { coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code: '11' }], text: 'HM' },
      subscriberId: enteredMemberId,
    });
    expect(r4Issues(ehr.body)).toEqual([]);
    expect(ops.status).toBe(200);
    expect(ops.body.total).toBe(2);
    expect(JSON.stringify(ops.body)).not.toContain(memberId);
    expect(JSON.stringify(ops.body)).not.toContain(enteredMemberId);
    expect(r4Issues(ops.body)).toEqual([]);

    const [ehrAudit] = await auditRows(ehr.requestId);
    const [opsAudit] = await auditRows(ops.requestId);
    expect(ehrAudit).toMatchObject({ action: 'fhir.coverage.search', episode_id: episodeId });
    expect(ehrAudit?.fields).toContain('coverages.memberId');
    expect(opsAudit?.fields).not.toContain('coverages.memberId');

    const one = await read<Coverage>(`Coverage/${patientId}-feed-1`, { roles: ['coordinator'] });
    expect(one).toMatchObject({
      status: 200,
      body: { id: `${patientId}-feed-1`, subscriberId: memberId },
    });
  });

  it('answers another tenant’s resources as unknown: 404 OperationOutcomes, empty searches', async () => {
    const other = { tenant: 'st-elsewhere' };
    const answers = await Promise.all([
      read<OperationOutcome>(`CarePlan/${episodeId}`, other),
      read<OperationOutcome>(`Goal/${ids.goal}`, other),
      read<OperationOutcome>(`Task/${ids.intervention}`, other),
      read<OperationOutcome>(`Coverage/${patientId}-feed-1`, other),
      read<OperationOutcome>(`CarePlan/${randomUUID()}`),
      read<OperationOutcome>('Coverage/not-a-coverage'),
    ]);
    const search = await read<Bundle>(`CarePlan?subject=Patient/${patientId}`, other);
    const coverage = await read<Bundle>(`Coverage?patient=${patientId}`, other);

    for (const answer of answers) {
      expect(answer).toMatchObject({
        status: 404,
        contentType: expect.stringMatching(/^application\/fhir\+json/) as string,
        body: {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'not-found' }],
        },
      });
    }
    expect(search.body).toMatchObject({ resourceType: 'Bundle', total: 0 });
    expect(coverage.body).toMatchObject({ resourceType: 'Bundle', total: 0 });
  });

  it('refuses an unknown search parameter, a missing patient, a role that may not read and no token, as OperationOutcomes', async () => {
    const unknown = await read<OperationOutcome>(
      `CarePlan?subject=${patientId}&category=assess-plan`,
    );
    const missing = await read<OperationOutcome>('Task?status=requested');
    const analyst = await read<OperationOutcome>(`CarePlan/${episodeId}`, { roles: ['analyst'] });
    const anonymous = await read<OperationOutcome>(`Goal?subject=${patientId}`, { token: null });

    expect(unknown).toMatchObject({
      status: 400,
      contentType: expect.stringMatching(/^application\/fhir\+json/) as string,
      body: {
        resourceType: 'OperationOutcome',
        issue: [
          { code: 'not-supported', diagnostics: expect.stringContaining('category') as string },
        ],
      },
    });
    expect(missing).toMatchObject({ status: 400, body: { issue: [{ code: 'required' }] } });
    expect(analyst).toMatchObject({ status: 403, body: { issue: [{ code: 'forbidden' }] } });
    expect(anonymous).toMatchObject({ status: 401, body: { issue: [{ code: 'login' }] } });
    for (const answer of [unknown, missing, analyst, anonymous]) {
      expect(r4Issues(answer.body)).toEqual([]);
    }
  });
});
