import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueToken, type Role } from '@care/auth';
import type { IntakeEvent, IntakeMessage, PatientDemographics } from '@care/intake';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { ProcessIntake } from '../apps/api/src/intake/process-intake.use-case';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startApi } from './support/api-server';
import { openOwnerDatabase } from './support/owner-database';
import { until } from './support/until';

const TENANT = 'general-hospital';

interface EpisodeAnswer {
  stage: string;
  riskTier?: string;
  edRevisits: { encounterId: string; arrivedAt: string }[];
  readmissions: { encounterId: string; admittedAt: string }[];
  deadlines: { kind: string; dueAt: string }[];
  timeline: { items: { type: string; data: Record<string, unknown> }[] };
}

/**
 * ED visits (ADT A04, or A01 with patient class E) and encounter changes (A02, A06, A07) as the
 * intake hands them to episodes, through ProcessIntake (as the HL7 and FHIR endpoints do) and
 * its queue, on the real api, worker, Temporal and PostgreSQL.
 */
describe('ED revisits and encounter changes from the intake (api and worker on the real stack)', () => {
  const config = loadConfig();
  let api: INestApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let owner: DataSource;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ({ api, baseUrl } = await startApi());
    owner = await openOwnerDatabase('ed-revisit-e2e');
  }, 120_000);

  afterAll(async () => {
    await owner?.destroy();
    await api?.close();
    await worker?.close();
  });

  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const newPatient = (): PatientDemographics => ({
    identifiers: [{ system: 'GH', value: `MRN${randomUUID().slice(0, 12)}`, type: 'MR' }],
  });
  const message = (event: IntakeEvent): IntakeMessage => ({
    source: { sender: 'epic-feed', messageId: `C${randomUUID().slice(0, 18)}` },
    event,
  });
  const intake = () => api.get(ProcessIntake);
  const headers = async (roles: Role[] = ['coordinator']) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${await issueToken(config, { subject: 'rn-7', roles, tenantId: TENANT })}`,
  });

  const episode = async (episodeId: string): Promise<EpisodeAnswer> => {
    const response = await fetch(`${baseUrl}/v1/episodes/${episodeId}`, {
      headers: await headers(),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as EpisodeAnswer;
  };
  const episodeWhen = (episodeId: string, what: string, ready: (found: EpisodeAnswer) => boolean) =>
    until(what, async () => {
      const found = await episode(episodeId);
      return ready(found) ? found : undefined;
    });
  const types = (found: EpisodeAnswer) => found.timeline.items.map((item) => item.type);
  const act = async (episodeId: string, action: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/v1/episodes/${episodeId}/${action}`, {
      method: 'POST',
      headers: await headers(),
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };

  /** Nothing of the patient is waiting in the intake queue any more. */
  const queueDrained = (patientId: string) =>
    until(`the intake queue to apply the messages of ${patientId}`, async () => {
      const rows = await owner.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM intake_queue
          WHERE tenant_id = $1 AND patient_id = $2 AND status = 'pending'`,
        [TENANT, patientId],
      );
      return rows[0]!.n === 0;
    });

  /** A patient discharged an hour ago, assessed at LACE 9 (moderate) and planned. */
  async function plannedAtModerateRisk() {
    const patient = newPatient();
    const discharged = await intake().execute(
      TENANT,
      message({
        kind: 'discharge',
        encounterId: `ENC-${randomUUID()}`,
        dischargedAt: minutesAgo(60),
        patient,
      }),
    );
    expect(discharged).toMatchObject({ effect: 'recorded' });
    const { patientId, episodeIds } = discharged as { patientId: string; episodeIds: string[] };
    const [episodeId] = episodeIds as [string];
    await episodeWhen(
      episodeId,
      'the TCM clocks to start',
      (found) => found.stage === 'assessment',
    );
    await act(episodeId, 'assessment', {
      at: minutesAgo(30),
      // L 4 (five days), A 3, C 2, E 0: nine points.
      lace: { lengthOfStayDays: 5, acuteAdmission: true, charlsonScore: 2, edVisitsLast6Months: 0 },
      complexity: 'moderate',
    });
    await act(episodeId, 'plan-approval', { at: minutesAgo(20), handoffKinds: [] });
    return { patient, patientId, episodeId };
  }

  it('rule 7: an ED visit of a patient with an open episode is an ED revisit that raises LACE 9 to high and replans the follow-up', async () => {
    const { patient, patientId, episodeId } = await plannedAtModerateRisk();
    expect((await episode(episodeId)).riskTier).toBe('moderate');
    const arrivedAt = minutesAgo(10);
    const visit: IntakeEvent = {
      kind: 'emergency-visit',
      encounterId: `ED-${randomUUID()}`,
      arrivedAt,
      patient,
    };

    const accepted = await intake().accept(TENANT, message(visit));

    expect(accepted).toEqual({ effect: 'recorded', patientId, episodeIds: [] });
    const raised = await episodeWhen(
      episodeId,
      'the ED revisit to raise the risk tier',
      (found) =>
        found.riskTier === 'high' && types(found).includes('care.episode.follow_up_planned.v2'),
    );
    expect(raised.edRevisits).toEqual([{ encounterId: visit.encounterId, arrivedAt }]);
    expect(types(raised).slice(-3)).toEqual([
      'care.episode.ed_revisit_recorded.v1',
      'care.episode.risk_tier_raised.v1',
      'care.episode.follow_up_planned.v2',
    ]);
    const entry = (type: string) => raised.timeline.items.find((item) => item.type === type)!;
    expect(entry('care.episode.risk_tier_raised.v1').data).toMatchObject({
      from: 'moderate',
      to: 'high',
      lace: { score: 10, components: { e: 1 }, tier: 'high' },
    });
    const replan = entry('care.episode.follow_up_planned.v2').data as {
      reason: string;
      riskTier: string;
      schedule: string[];
    };
    expect(replan).toMatchObject({ reason: 'risk-tier-raised', riskTier: 'high' });
    // The next follow-up contact is due at the first checkpoint of the high-intensity plan.
    expect(raised.deadlines.find((deadline) => deadline.kind === 'follow_up_contact')?.dueAt).toBe(
      replan.schedule[0],
    );
    await until('the worklist to show the raised tier', async () => {
      const rows = await owner.query<{ risk_tier: string }[]>(
        `SELECT risk_tier FROM episode_worklist WHERE episode_id = $1`,
        [episodeId],
      );
      return rows[0]?.risk_tier === 'high';
    });

    // The same visit sent again, as a new message, is recorded once.
    expect(await intake().accept(TENANT, message(visit))).toMatchObject({ effect: 'recorded' });
    await queueDrained(patientId);
    const again = await episode(episodeId);
    expect(again.edRevisits).toHaveLength(1);
    expect(
      types(again).filter((type) => type === 'care.episode.follow_up_planned.v2'),
    ).toHaveLength(1);
  });

  it('records a transfer on the timeline, and an A06 (to inpatient) as an encounter change and a readmission of that encounter', async () => {
    const { patient, patientId, episodeId } = await plannedAtModerateRisk();
    const encounterId = `ED-${randomUUID()}`;
    const transferredAt = minutesAgo(12);
    const admittedAt = minutesAgo(8);

    await intake().accept(
      TENANT,
      message({
        kind: 'encounter-changed',
        change: 'transfer',
        encounterId,
        changedAt: transferredAt,
        patientClass: 'E',
        patient,
      }),
    );
    await intake().accept(
      TENANT,
      message({
        kind: 'encounter-changed',
        change: 'to-inpatient',
        encounterId,
        changedAt: admittedAt,
        patientClass: 'I',
        patient,
      }),
    );

    const readmitted = await episodeWhen(episodeId, 'the A06 to be a readmission', (found) =>
      types(found).includes('care.episode.readmission_recorded.v1'),
    );
    await queueDrained(patientId);
    const changes = readmitted.timeline.items.filter(
      (item) => item.type === 'care.episode.encounter_changed.v1',
    );
    expect(changes.map((item) => item.data)).toEqual([
      { encounterId, change: 'transfer', patientClass: 'E', changedAt: transferredAt },
      { encounterId, change: 'to-inpatient', patientClass: 'I', changedAt: admittedAt },
    ]);
    expect(readmitted.readmissions).toEqual([{ encounterId, admittedAt }]);
    // A transfer alone changes nothing else: no ED revisit, the episode stays in follow-up.
    expect(readmitted.edRevisits).toEqual([]);
    expect(readmitted.stage).toBe('follow_up');
  });

  it("answers 'unchanged' for a patient without an open episode, and queues nothing", async () => {
    const patient = newPatient();

    const visited = await intake().accept(
      TENANT,
      message({
        kind: 'emergency-visit',
        encounterId: `ED-${randomUUID()}`,
        arrivedAt: minutesAgo(5),
        patient,
      }),
    );
    const changed = await intake().accept(
      TENANT,
      message({
        kind: 'encounter-changed',
        change: 'to-inpatient',
        encounterId: `ED-${randomUUID()}`,
        changedAt: minutesAgo(4),
        patient,
      }),
    );

    expect(visited).toMatchObject({ effect: 'unchanged', episodeIds: [] });
    expect(changed).toMatchObject({ effect: 'unchanged', episodeIds: [] });
    const { patientId } = visited as { patientId: string };
    const queued = await owner.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM intake_queue WHERE tenant_id = $1 AND patient_id = $2`,
      [TENANT, patientId],
    );
    expect(queued).toEqual([{ n: 0 }]);
  });
});
