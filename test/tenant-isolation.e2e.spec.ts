import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { issueToken, ROLES, type Role } from '@care/auth';
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

// A tenant of its own, so its lists hold only this run's episode.
const OWNER_TENANT = `isolation-${randomUUID().slice(0, 8)}`;
const OTHER_TENANT = 'st-elsewhere';

interface Route {
  method: 'GET' | 'POST';
  path: (episodeId: string) => string;
  roles: Role[];
  body?: Record<string, unknown>;
}

const at = () => new Date().toISOString();
const handoffId = randomUUID();

/** The care coordinator's needs, care plan, coverage and consent routes, with bodies they accept. */
function careTeamRoutes(): Route[] {
  const [problemId, goalId, interventionId] = [randomUUID(), randomUUID(), randomUUID()];
  const coordinator = (path: string, body: Record<string, unknown>): Route => ({
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/${path}`,
    roles: ['coordinator', 'admin'],
    body: { at: at(), ...body },
  });
  return [
    coordinator('needs-assessment', {
      hrsnAnswers: [{ question: '88122-7', answer: 'LA28397-0' }],
      functionalStatus: 'independent',
      caregiver: { name: 'Ann Other', relationship: 'friend_or_neighbor' },
      preferredLanguage: 'en-US',
      interpreterNeeded: false,
      healthLiteracy: 'adequate',
    }),
    coordinator('care-plan/template-applications', { templateId: 'need-food' }),
    coordinator('care-plan/problems', { source: { kind: 'free' }, description: 'Lives alone' }),
    coordinator(`care-plan/problems/${problemId}/revisions`, { description: 'Lives alone now' }),
    coordinator('care-plan/goals', {
      problemId,
      description: 'Has help at home',
      targetDate: at().slice(0, 10),
    }),
    coordinator(`care-plan/goals/${goalId}/revisions`, { description: 'Has help every day' }),
    coordinator(`care-plan/goals/${goalId}/status`, { status: 'active' }),
    coordinator('care-plan/interventions', {
      goalId,
      description: 'Arrange home help',
      owner: { kind: 'care_team', team: 'care-team/social-work' },
      dueAt: at(),
    }),
    coordinator(`care-plan/interventions/${interventionId}/revisions`, { dueAt: at() }),
    coordinator(`care-plan/interventions/${interventionId}/status`, { status: 'in_progress' }),
    coordinator('coverage', { payerClass: 'medicare', payerName: 'Medicare', memberId: '1EG4TE5' }),
    coordinator('contact-preferences', {
      phones: [{ value: '+1 413 555 0100' }],
      preferredChannels: ['phone'],
      contactWindows: [],
      consent: { phone: { status: 'granted' } },
    }),
  ];
}

/** Every episode route, who may call it, and a body it would accept. */
const episodeRoutes: Route[] = [
  {
    method: 'GET',
    path: (id) => `/v1/episodes/${id}`,
    roles: ['coordinator', 'ops', 'analyst', 'admin'],
  },
  {
    method: 'GET',
    path: (id) => `/v1/episodes/${id}/timeline`,
    roles: ['coordinator', 'ops', 'analyst', 'admin'],
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/assessment`,
    roles: ['coordinator', 'admin'],
    body: {
      at: at(),
      lace: {
        lengthOfStayDays: 2,
        acuteAdmission: false,
        charlsonScore: 0,
        edVisitsLast6Months: 0,
      },
      complexity: 'moderate',
    },
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/plan-approval`,
    roles: ['coordinator', 'admin'],
    body: { at: at(), handoffKinds: [] },
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/handoffs`,
    roles: ['coordinator', 'admin'],
    body: { at: at(), kind: 'pcp', assignee: 'Organization/pcp-1' },
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/handoffs/${handoffId}/accept`,
    roles: ['coordinator', 'admin'],
    body: { at: at() },
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/handoffs/${handoffId}/decline`,
    roles: ['coordinator', 'admin'],
    body: { at: at(), reason: 'no capacity' },
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/handoffs/${handoffId}/complete`,
    roles: ['coordinator', 'admin'],
    body: { at: at() },
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/contact-attempts`,
    roles: ['coordinator', 'admin'],
    body: { at: at(), reached: true, channel: 'phone' },
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/visits`,
    roles: ['coordinator', 'admin'],
    body: { at: at() },
  },
  {
    method: 'POST',
    path: (id) => `/v1/episodes/${id}/medication-reconciliations`,
    roles: ['coordinator', 'admin'],
    body: { at: at() },
  },
  ...careTeamRoutes(),
  {
    method: 'GET',
    path: (id) => `/v1/ops/episodes/${id}/workflow`,
    roles: ['ops', 'admin'],
  },
  ...['escalate', 'retry', 'cancel'].map((action): Route => ({
    method: 'POST',
    path: (id) => `/v1/ops/episodes/${id}/${action}`,
    roles: ['ops', 'admin'],
    body: { reason: 'isolation check' },
  })),
  {
    method: 'POST',
    path: (id) => `/v1/ops/episodes/${id}/handoffs/${handoffId}/reassign`,
    roles: ['ops', 'admin'],
    body: { to: 'org/north-clinic', reason: 'isolation check' },
  },
];

/** Another tenant's staff never reach an episode: 403 for a role that may not act, else 404. */
describe('tenant isolation (api on the real PostgreSQL)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  const episodeId = randomUUID();

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 1,
      applicationName: 'isolation-e2e',
    }).initialize();
    await new PostgresEventStore(dataSource).append(
      episodeId,
      0,
      [
        {
          eventId: deterministicEventId(`care-episode-${episodeId}`, 1),
          type: 'care.episode.discharge_recorded.v1',
          data: {
            episodeId,
            tenantId: OWNER_TENANT,
            encounterId: `ENC-${episodeId}`,
            patientRef: 'Patient/iso-1',
            dischargedAt: at(),
          },
          metadata: { tenantId: OWNER_TENANT },
        },
      ],
      { streamType: 'care-episode' },
    );
    await new AsyncProjectionRunner(
      dataSource,
      new PostgresEventStore(dataSource),
      episodeWorklistProjection,
    ).catchUp();
    ({ api, baseUrl } = await startApi());
  });

  afterAll(async () => {
    await api?.close();
    await dataSource?.destroy();
  });

  const call = async (route: Route, role: Role, tenantId: string, body = route.body) =>
    fetch(`${baseUrl}${route.path(episodeId)}`, {
      method: route.method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await issueToken(config, { subject: `${role}-1`, roles: [role], tenantId })}`,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  const matrix = episodeRoutes.flatMap((route) =>
    ROLES.map((role) => [route.method, route.path(':id'), role, route] as const),
  );

  it.each(matrix)(
    '%s %s as %s of another tenant: 403 or 404, never the episode',
    async (_m, _p, role, route) => {
      const response = await call(route, role, OTHER_TENANT);
      const body = await response.text();

      expect(response.status).toBe(route.roles.includes(role) ? 404 : 403);
      expect(body).not.toContain('Patient/iso-1');
    },
  );

  it.each(
    episodeRoutes.filter((route) => route.body).map((route) => [route.path(':id'), route] as const),
  )('POST %s with an unknown field: 400 naming it', async (_p, route) => {
    const response = await call(route, route.roles[0]!, OWNER_TENANT, {
      ...route.body,
      mrn: '123',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: 'https://care-engine.dev/problems/validation',
    });
  });

  it('serves the episode to its own tenant', async () => {
    const response = await call(episodeRoutes[0]!, 'analyst', OWNER_TENANT);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ episodeId, patientRef: 'Patient/iso-1' });
  });

  const listRoles: Role[] = ['coordinator', 'ops', 'admin'];
  const lists = ['/v1/worklists/unassigned', '/v1/worklists/mine', '/v1/worklists/overdue'];
  const listRoute = (path: string): Route => ({
    method: 'GET',
    path: () => path,
    roles: listRoles,
  });

  it.each(lists.flatMap((path) => ROLES.map((role) => [path, role] as const)))(
    'GET %s as %s of another tenant: 403 or a list without the episode',
    async (path, role) => {
      const response = await call(listRoute(path), role, OTHER_TENANT);
      const body = await response.text();

      expect(response.status).toBe(listRoles.includes(role) ? 200 : 403);
      expect(body).not.toContain(episodeId);
    },
  );

  it("lists the episode as unassigned for its own tenant's coordinators", async () => {
    const response = await call(
      listRoute('/v1/worklists/unassigned?limit=100'),
      'coordinator',
      OWNER_TENANT,
    );

    expect(response.status).toBe(200);
    expect(await response.text()).toContain(episodeId);
  });
});
