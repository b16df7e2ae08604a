import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import { createDataSource } from '@care/event-store';
import { PatientContactsRepository, PatientRepository } from '@care/patients';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { adtFeed, MRN_SYSTEM } from '../libs/intake/src/hl7/testing/adt-feed';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const now = () => new Date().toISOString();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Intervention {
  interventionId: string;
  status: string;
  dueAt: string;
  overdue: boolean;
  handoffId?: string;
}
interface EpisodeView {
  stage: string;
  version: number;
  needs?: {
    needs: { domain: string }[];
    caregiver?: { relationship: string; caregiverRef: string };
  };
  carePlan: {
    version: number;
    approved: boolean;
    approvedAt?: string;
    problems: { problemId: string; description: string }[];
    goals: { goalId: string; status: string }[];
    interventions: Intervention[];
    appliedTemplates: { templateId: string }[];
  };
  coverage?: Record<string, unknown>;
  contactPreferences?: { refusedChannels: string[]; contactRef?: string };
  deadlines: { kind: string; interventionId?: string; overdue: boolean }[];
}
interface Answer {
  recorded: boolean;
  version: number;
  stage: string;
  itemId?: string;
  handoffId?: string;
  ids?: Record<string, string>;
}

/** The coordinator's care plan, needs, coverage and consent through the api, on the real stack. */
describe('care plan, needs, coverage and contact preferences (api and worker on the real stack)', () => {
  const config = loadConfig();
  // A tenant of its own, so its lists hold only this run's episodes.
  const tenantId = `care-plan-${randomUUID().slice(0, 8)}`;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let app: DataSource;
  let owner: DataSource;
  let patients: PatientRepository;
  let contacts: PatientContactsRepository;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'care-plan-e2e',
    }).initialize();
    owner = await openOwnerDatabase('care-plan-e2e-owner');
    patients = new PatientRepository(app);
    contacts = new PatientContactsRepository(app);
  }, 120_000);

  afterAll(async () => {
    await owner?.destroy();
    await app?.destroy();
    await api?.close();
    await worker?.close();
  });

  const headers = async (roles: Role[] = ['coordinator'], tenant = tenantId) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${await issueToken(config, { subject: 'rn-7', roles, tenantId: tenant })}`,
  });
  const act = async (
    episodeId: string,
    path: string,
    body: unknown,
    options: { key?: string; tenant?: string } = {},
  ) =>
    fetch(`${baseUrl}/v1/episodes/${episodeId}/${path}`, {
      method: 'POST',
      headers: {
        ...(await headers(['coordinator'], options.tenant)),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      body: JSON.stringify(body),
    });
  const answered = async (episodeId: string, path: string, body: unknown): Promise<Answer> => {
    const response = await act(episodeId, path, body);
    if (response.status !== 200) {
      throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as Answer;
  };
  const episode = async (episodeId: string): Promise<EpisodeView> =>
    (await (
      await fetch(`${baseUrl}/v1/episodes/${episodeId}`, { headers: await headers() })
    ).json()) as EpisodeView;
  const problemOf = async (response: Response) => {
    const problem = (await response.json()) as {
      type: string;
      rule?: string;
      errors?: { field: string }[];
    };
    return { status: response.status, ...problem };
  };

  /** A patient the patients store keeps, by an MRN of their own. */
  const storedPatient = () =>
    patients.keep(tenantId, {
      identifiers: [{ system: 'urn:care-plan-e2e:mrn', value: `MRN-${randomUUID()}` }],
    });

  /** Discharged two days ago and waiting for its assessment; the patient kept when asked. */
  const discharged = async (patientId?: string): Promise<string> => {
    const response = await fetch(`${baseUrl}/v1/discharges`, {
      method: 'POST',
      headers: await headers(['integration']),
      body: JSON.stringify({
        tenantId,
        encounterId: `ENC-${randomUUID()}`,
        patientRef: `Patient/${patientId ?? randomUUID()}`,
        dischargedAt: ago(48),
      }),
    });
    const { episodeId } = (await response.json()) as { episodeId: string };
    await until(
      'the TCM clocks to start',
      async () => (await episode(episodeId)).stage === 'assessment',
    );
    return episodeId;
  };

  const assess = (episodeId: string) =>
    answered(episodeId, 'assessment', {
      at: ago(40),
      lace: { lengthOfStayDays: 5, acuteAdmission: true, charlsonScore: 3, edVisitsLast6Months: 1 },
      complexity: 'high',
    });

  const FOOD_INSECURE = [
    { question: '88122-7', answer: 'LA28397-0' },
    { question: '88123-5', answer: 'LA6729-3' },
  ];
  const needsAssessment = (extra: Record<string, unknown> = {}) => ({
    at: now(),
    hrsnAnswers: FOOD_INSECURE,
    functionalStatus: 'needs_some_help',
    preferredLanguage: 'es-MX',
    interpreterNeeded: true,
    healthLiteracy: 'limited',
    ...extra,
  });

  it('records the needs with the caregiver kept in the patients store, and the plan from templates and items, on the episode', async () => {
    const patientId = await storedPatient();
    const episodeId = await discharged(patientId);
    await assess(episodeId);
    const caregiver = {
      name: 'Rosa Delgado Fuentes',
      relationship: 'child',
      phone: '+1 413 555 0199',
    };

    const needs = await answered(episodeId, 'needs-assessment', needsAssessment({ caregiver }));
    const applied = await answered(episodeId, 'care-plan/template-applications', {
      at: now(),
      templateId: 'need-food',
    });
    const problem = await answered(episodeId, 'care-plan/problems', {
      at: now(),
      source: { kind: 'diagnosis' },
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.9' },
      description: 'Heart failure',
    });
    const goal = await answered(episodeId, 'care-plan/goals', {
      at: now(),
      problemId: problem.itemId,
      description: 'Weighs daily and knows when to call',
      targetDate: ago(-24 * 7).slice(0, 10),
    });
    // Due a day ago: overdue the moment it is added.
    const weights = await answered(episodeId, 'care-plan/interventions', {
      at: now(),
      goalId: goal.itemId,
      description: 'Teach daily weights with a log',
      owner: { kind: 'coordinator', id: 'rn-7' },
      dueAt: ago(24),
    });
    const diet = await answered(episodeId, 'care-plan/interventions', {
      at: now(),
      goalId: goal.itemId,
      description: 'Teach a low-sodium diet',
      owner: { kind: 'care_team', team: 'care-team/transitions' },
      dueAt: ago(-48),
    });

    expect(needs.recorded).toBe(true);
    expect(applied.ids?.['handoff/food-bank-referral']).toMatch(UUID);
    for (const answer of [problem, goal, weights, diet]) expect(answer.itemId).toMatch(UUID);
    const [kept] = await contacts.caregivers(tenantId, patientId);
    expect(kept).toMatchObject({ name: caregiver.name, phone: caregiver.phone });
    const view = await episode(episodeId);
    expect(view.needs).toMatchObject({
      needs: [{ domain: 'food', severity: 'moderate' }],
      caregiver: { relationship: 'child', caregiverRef: `RelatedPerson/${kept!.caregiverId}` },
    });
    expect(JSON.stringify(view)).not.toContain(caregiver.name);
    expect(view.carePlan).toMatchObject({ version: 0, approved: false });
    expect(view.carePlan.appliedTemplates).toEqual([
      expect.objectContaining({ templateId: 'need-food' }),
    ]);
    expect(view.carePlan.problems.map((each) => each.description)).toEqual([
      'Food insecurity',
      'Heart failure',
    ]);
    const byId = (id?: string) =>
      view.carePlan.interventions.find((each) => each.interventionId === id);
    expect(byId(weights.itemId)).toMatchObject({ status: 'requested', overdue: true });
    expect(byId(diet.itemId)).toMatchObject({ overdue: false });
    expect(view.deadlines).toContainEqual(
      expect.objectContaining({
        kind: 'intervention',
        interventionId: weights.itemId,
        overdue: true,
      }),
    );

    // The same caregiver again (a later assessment) is brought up to date, not kept twice.
    await answered(episodeId, 'needs-assessment', needsAssessment({ caregiver }));
    expect(await contacts.caregivers(tenantId, patientId)).toHaveLength(1);

    // Approval makes the plan version 1 and requests the referral's hand-off (rule 8).
    const approval = await answered(episodeId, 'plan-approval', { at: now(), handoffKinds: [] });
    expect(approval.stage).toBe('handoff');
    const approved = await episode(episodeId);
    expect(approved.carePlan).toMatchObject({ version: 1, approved: true });
    expect(approved.carePlan.approvedAt).toEqual(expect.any(String));
    const referral = approved.carePlan.interventions.find(
      (each) => each.handoffId === applied.ids?.['handoff/food-bank-referral'],
    );
    expect(referral).toBeDefined();

    // After the approval a change is a revision, and says why.
    const revised = await answered(episodeId, `care-plan/interventions/${diet.itemId}/revisions`, {
      at: now(),
      reason: 'The patient asked for a later visit',
      dueAt: ago(-72),
    });
    const started = await answered(episodeId, `care-plan/interventions/${diet.itemId}/status`, {
      at: now(),
      status: 'in_progress',
    });
    const completed = await answered(
      episodeId,
      `care-plan/interventions/${weights.itemId}/status`,
      { at: now(), status: 'completed' },
    );
    const activated = await answered(episodeId, `care-plan/goals/${goal.itemId}/status`, {
      at: now(),
      status: 'active',
    });
    const renamed = await answered(episodeId, `care-plan/problems/${problem.itemId}/revisions`, {
      at: now(),
      reason: 'More precise diagnosis',
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.22' },
    });
    const retitled = await answered(episodeId, `care-plan/goals/${goal.itemId}/revisions`, {
      at: now(),
      reason: 'Clearer wording',
      description: 'Weighs every morning and calls on a gain of 2 lb',
    });

    for (const answer of [revised, started, completed, activated, renamed, retitled]) {
      expect(answer.recorded).toBe(true);
    }
    const after = await episode(episodeId);
    expect(after.carePlan.version).toBe(4);
    expect(byIdIn(after, weights.itemId)).toMatchObject({ status: 'completed', overdue: false });
    expect(byIdIn(after, diet.itemId)).toMatchObject({ status: 'in_progress' });
    expect(after.carePlan.goals.find((each) => each.goalId === goal.itemId)?.status).toBe('active');
  });

  const byIdIn = (view: EpisodeView, id?: string) =>
    view.carePlan.interventions.find((each) => each.interventionId === id);

  it('lists an overdue intervention on the overdue worklist and in the stuck queue (intervention-overdue)', async () => {
    const episodeId = await discharged();
    await assess(episodeId);
    const problem = await answered(episodeId, 'care-plan/problems', {
      at: now(),
      source: { kind: 'free' },
      description: 'Falls at home',
    });
    const goal = await answered(episodeId, 'care-plan/goals', {
      at: now(),
      problemId: problem.itemId,
      description: 'No fall at home',
      targetDate: now().slice(0, 10),
    });
    const intervention = await answered(episodeId, 'care-plan/interventions', {
      at: now(),
      goalId: goal.itemId,
      description: 'Home safety check',
      owner: { kind: 'care_team', team: 'care-team/transitions' },
      dueAt: ago(12),
    });

    const listed = await until('the episode on the overdue worklist', async () => {
      const response = await fetch(`${baseUrl}/v1/worklists/overdue?limit=100`, {
        headers: await headers(),
      });
      const { items } = (await response.json()) as {
        items: { episodeId: string; deadlines: EpisodeView['deadlines'] }[];
      };
      return items
        .find((item) => item.episodeId === episodeId)
        ?.deadlines.find((deadline) => deadline.interventionId === intervention.itemId);
    });
    const stuck = await until('the episode in the stuck queue', async () => {
      const response = await fetch(`${baseUrl}/v1/ops/stuck?reason=intervention-overdue`, {
        headers: await headers(['ops']),
      });
      const { items } = (await response.json()) as {
        items: { episodeId: string; stuckReasons: string[] }[];
      };
      return items.find((item) => item.episodeId === episodeId);
    });

    expect(listed).toMatchObject({ kind: 'intervention', overdue: true });
    expect(stuck.stuckReasons).toContain('intervention-overdue');
  });

  it('keeps the member id and payer name in the patients store: the episode has the payer class and a reference', async () => {
    const patientId = await storedPatient();
    const episodeId = await discharged(patientId);
    const memberId = `XQZ${randomUUID().slice(0, 8).toUpperCase()}`;

    const answer = await answered(episodeId, 'coverage', {
      at: now(),
      payerClass: 'medicare_advantage',
      payerName: 'Humana Gold Plus',
      planType: 'HM',
      memberId,
    });

    expect(answer.recorded).toBe(true);
    const [row] = await owner.query<{ payer_name: string; member_id: string }[]>(
      `SELECT payer_name, member_id FROM patient_coverages
        WHERE tenant_id = $1 AND patient_id = $2 AND source = 'coordinator'`,
      [tenantId, patientId],
    );
    expect(row).toEqual({ payer_name: 'Humana Gold Plus', member_id: memberId });
    const view = await episode(episodeId);
    expect(view.coverage).toEqual({
      at: expect.any(String) as string,
      payerClass: 'medicare_advantage',
      planType: 'HM',
      source: 'coordinator',
      coverageRef: `Coverage/${patientId}-coordinator-1`,
    });
    const events = JSON.stringify(
      await owner.query(`SELECT data FROM events WHERE stream_id = $1`, [episodeId]),
    );
    expect(events).not.toContain(memberId);
    expect(events).not.toContain('Humana');
    // Audited by the fields it touched, never their values.
    const audit = await owner.query<{ fields: string[]; subject: string }[]>(
      `SELECT fields, subject FROM audit_log WHERE episode_id = $1 AND action = 'episode.record-coverage'`,
      [episodeId],
    );
    expect(audit).toEqual([
      { fields: ['payerClass', 'payerName', 'planType', 'memberId'], subject: 'rn-7' },
    ]);
  });

  it('keeps phones and emails in the patients store; the episode has channels, hours, consent and a reference', async () => {
    const patientId = await storedPatient();
    const episodeId = await discharged(patientId);
    await assess(episodeId);
    await answered(episodeId, 'plan-approval', { at: now(), handoffKinds: [] });

    const preferences = await answered(episodeId, 'contact-preferences', {
      at: now(),
      phones: [{ value: '+1 413 555 0142', use: 'mobile' }],
      emails: [{ value: 'patient.portal@mail.example' }],
      preferredChannels: ['portal', 'sms'],
      contactWindows: [{ days: ['mon', 'wed', 'fri'], from: '09:00', to: '12:00' }],
      consent: {
        phone: { status: 'refused', refusalDocumented: true },
        portal: { status: 'granted' },
      },
    });
    // Rule contact-consent: the refused channel is not used; the portal is.
    const phoned = await act(episodeId, 'contact-attempts', {
      at: now(),
      reached: true,
      channel: 'phone',
    });
    const portal = await act(episodeId, 'contact-attempts', {
      at: now(),
      reached: true,
      channel: 'portal',
    });

    expect(preferences.recorded).toBe(true);
    expect(await contacts.contactDetails(tenantId, patientId)).toEqual({
      phones: [{ value: '+1 413 555 0142', use: 'mobile' }],
      emails: [{ value: 'patient.portal@mail.example' }],
    });
    expect(await problemOf(phoned)).toMatchObject({ status: 409, rule: 'contact-consent' });
    expect(portal.status).toBe(200);
    const view = await episode(episodeId);
    expect(view.contactPreferences).toMatchObject({
      refusedChannels: ['phone'],
      contactRef: `Patient/${patientId}#telecom`,
    });
    expect(JSON.stringify(view)).not.toContain('555 0142');
  });

  it('records the coverage a hospital feed names (HL7 IN1) on the episode its discharge opens', async () => {
    const feed = adtFeed();
    const insurance = 'IN1|1|MA-PPO|HUM01|Humana|||||||||||MA|||||||||||||||||||||W123456789';
    const response = await fetch(`${baseUrl}/v1/hl7/adt`, {
      method: 'POST',
      headers: { ...(await headers(['integration'])), 'content-type': 'text/plain' },
      body: `${feed.discharge().replace(/\r$/, '')}\r${insurance}\r`,
    });
    expect(await response.text()).toContain('MSA|AA');
    const found = await until('the episode of the feed patient', async () => {
      const [row] = await owner.query<{ episode_id: string; patient_id: string }[]>(
        `SELECT s.episode_id, i.patient_id FROM episode_summaries s
           JOIN patient_identifiers i ON s.patient_ref = 'Patient/' || i.patient_id
          WHERE i.tenant_id = $1 AND i.system = $2 AND i.value = $3`,
        [tenantId, MRN_SYSTEM, feed.mrn],
      );
      return row;
    });

    const view = await until('the feed coverage on the episode', async () => {
      const current = await episode(found.episode_id);
      return current.coverage ? current : undefined;
    });

    expect(view.coverage).toMatchObject({
      payerClass: 'medicare_advantage',
      planType: 'MA',
      source: 'feed',
      coverageRef: `Coverage/${found.patient_id}-feed-1`,
    });
    expect(JSON.stringify(view)).not.toContain('W123456789');
  });

  it('answers a step the rules refuse with 409 naming the rule', async () => {
    const episodeId = await discharged();
    await assess(episodeId);
    const problem = await answered(episodeId, 'care-plan/problems', {
      at: now(),
      source: { kind: 'free' },
      description: 'Falls at home',
    });
    const goal = await answered(episodeId, 'care-plan/goals', {
      at: now(),
      problemId: problem.itemId,
      description: 'No fall at home',
      targetDate: now().slice(0, 10),
    });
    await answered(episodeId, 'plan-approval', { at: now(), handoffKinds: [] });

    const cases: [string, unknown, string][] = [
      [
        `care-plan/problems/${randomUUID()}/revisions`,
        { at: now(), reason: 'x', description: 'y' },
        'care-plan-item',
      ],
      [
        `care-plan/problems/${problem.itemId}/revisions`,
        { at: now(), description: 'Falls' },
        'care-plan-revision',
      ],
      [
        `care-plan/goals/${goal.itemId}/status`,
        { at: now(), status: 'not_achieved' },
        'care-plan-status',
      ],
      [
        `care-plan/interventions/${randomUUID()}/status`,
        { at: now(), status: 'completed' },
        'care-plan-item',
      ],
      [
        'care-plan/template-applications',
        { at: now(), templateId: 'no-such-template', reason: 'x' },
        'care-plan-template',
      ],
      [
        'care-plan/interventions',
        {
          at: now(),
          reason: 'more help',
          goalId: goal.itemId,
          description: 'Before the discharge',
          owner: { kind: 'care_team', team: 'care-team/transitions' },
          dueAt: ago(24 * 30),
        },
        'care-plan-due',
      ],
      [
        'contact-preferences',
        {
          at: now(),
          preferredChannels: [],
          contactWindows: [],
          consent: { phone: { status: 'refused' } },
        },
        'contact-consent',
      ],
      ['coverage', { at: now(), payerClass: 'commercial', payerName: 'Cigna' }, ''],
    ];
    for (const [path, body, rule] of cases) {
      const problemAnswer = await problemOf(await act(episodeId, path, body));
      if (rule) {
        expect({ path, ...problemAnswer }).toMatchObject({ path, status: 409, rule });
      } else {
        // The episode's patient is not in the patients store: nothing to keep the member id with.
        expect({ path, ...problemAnswer }).toMatchObject({
          path,
          status: 409,
          type: 'https://care-engine.dev/problems/patient-not-kept',
        });
      }
    }
  });

  it.each<[string, string, unknown, string]>([
    ['an unknown field', 'needs-assessment', { ...needsAssessment(), mrn: '1' }, 'body'],
    [
      'a question that is not a LOINC code',
      'needs-assessment',
      needsAssessment({ hrsnAnswers: [{ question: 'food', answer: 'LA28397-0' }] }),
      'hrsnAnswers.0.question',
    ],
    [
      'an answer that is not a LOINC answer',
      'needs-assessment',
      needsAssessment({ hrsnAnswers: [{ question: '88122-7', answer: 'yes' }] }),
      'hrsnAnswers.0.answer',
    ],
    [
      'a language that is not a BCP-47 tag',
      'needs-assessment',
      needsAssessment({ preferredLanguage: 'spanish please' }),
      'preferredLanguage',
    ],
    [
      'a description over 500 characters',
      'care-plan/problems',
      { at: now(), source: { kind: 'free' }, description: 'x'.repeat(501) },
      'description',
    ],
    [
      'a code not of its system',
      'care-plan/problems',
      {
        at: now(),
        source: { kind: 'diagnosis' },
        code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: '12345' },
        description: 'HF',
      },
      'code.code',
    ],
    [
      'a goal for a problem id that is not one',
      'care-plan/goals',
      { at: now(), problemId: 'p-1', description: 'x', targetDate: '2027-01-01' },
      'problemId',
    ],
    [
      'a revision that changes nothing',
      `care-plan/goals/${randomUUID()}/revisions`,
      { at: now(), reason: 'x' },
      'body',
    ],
    [
      'a status the rules do not know',
      `care-plan/interventions/${randomUUID()}/status`,
      { at: now(), status: 'done' },
      'status',
    ],
    [
      'a future fact time',
      'coverage',
      { at: '2999-01-01T00:00:00Z', payerClass: 'medicare', payerName: 'CMS' },
      'at',
    ],
    [
      'an unknown payer class',
      'coverage',
      { at: now(), payerClass: 'tricare', payerName: 'x' },
      'payerClass',
    ],
    [
      'an email that is not one',
      'contact-preferences',
      {
        at: now(),
        emails: [{ value: 'nobody' }],
        preferredChannels: [],
        contactWindows: [],
        consent: {},
      },
      'emails.0.value',
    ],
    [
      'a contact window of a bad hour',
      'contact-preferences',
      {
        at: now(),
        preferredChannels: [],
        contactWindows: [{ days: ['mon'], from: '25:00', to: '26:00' }],
        consent: {},
      },
      'contactWindows.0.from',
    ],
  ])('answers %s with 400 naming the field', async (_case, path, body, field) => {
    const response = await act(randomUUID(), path, body);

    const problem = await problemOf(response);
    expect(problem.status).toBe(400);
    expect(problem.type).toBe('https://care-engine.dev/problems/validation');
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it('answers a malformed item id in the path with 400 naming it', async () => {
    const response = await act(randomUUID(), 'care-plan/interventions/not-an-id/status', {
      at: now(),
      status: 'completed',
    });

    expect(await problemOf(response)).toMatchObject({
      status: 400,
      errors: [{ field: 'interventionId' }],
    });
  });

  it('answers a retried request with the same Idempotency-Key once, without acting twice', async () => {
    const patientId = await storedPatient();
    const episodeId = await discharged(patientId);
    const problem = { at: now(), source: { kind: 'free' }, description: 'Lives alone' };
    const coverage = {
      at: now(),
      payerClass: 'medicare',
      payerName: 'Medicare',
      memberId: '1EG4TE5MK73',
    };

    const first = await act(episodeId, 'care-plan/problems', problem, { key: 'problem-1' });
    const retried = await act(episodeId, 'care-plan/problems', problem, { key: 'problem-1' });
    const covered = await act(episodeId, 'coverage', coverage, { key: 'coverage-1' });
    const coveredAgain = await act(episodeId, 'coverage', coverage, { key: 'coverage-1' });

    const firstAnswer = (await first.json()) as Answer;
    expect(await retried.json()).toMatchObject({
      itemId: firstAnswer.itemId,
      version: firstAnswer.version,
    });
    expect((await episode(episodeId)).carePlan.problems).toHaveLength(1);
    expect(covered.status).toBe(200);
    expect(await coveredAgain.json()).toMatchObject({
      version: ((await covered.json()) as Answer).version,
    });
  });

  it('answers another tenant’s coordinator with 404 and keeps nothing in the patients store', async () => {
    const patientId = await storedPatient();
    const episodeId = await discharged(patientId);

    const response = await act(
      episodeId,
      'contact-preferences',
      {
        at: now(),
        phones: [{ value: '+1 413 555 0177' }],
        preferredChannels: [],
        contactWindows: [],
        consent: {},
      },
      { tenant: 'st-elsewhere' },
    );

    expect(response.status).toBe(404);
    expect(await contacts.contactDetails(tenantId, patientId)).toEqual({ phones: [], emails: [] });
  });
});
