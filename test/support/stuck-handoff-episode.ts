import { randomUUID } from 'node:crypto';
import { issueToken, type Role } from '@care/auth';
import { loadConfig } from '@care/platform';
import { until } from './until';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

export interface SeededEpisode {
  episodeId: string;
  handoffId: string;
  assignee: string;
}

/**
 * An episode driven through the api and the real workflow up to a PCP hand-off requested
 * 30 hours ago: its 24-hour acceptance SLA is breached at once, so the hand-off SLA clock
 * escalates it and the episode is stuck for that reason alone (a timely contact and a
 * low-risk plan keep every other rule quiet).
 */
export async function seedStuckHandoff(baseUrl: string, tenantId: string): Promise<SeededEpisode> {
  const config = loadConfig();
  const headers = async (role: Role) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${await issueToken(config, { subject: 'rn-7', roles: [role], tenantId })}`,
  });
  const post = async (path: string, body: unknown, role: Role = 'coordinator') => {
    const response = await fetch(`${baseUrl}/v1/${path}`, {
      method: 'POST',
      headers: await headers(role),
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const { episodeId } = (await post(
    'discharges',
    {
      tenantId,
      encounterId: `ENC-${randomUUID()}`,
      patientRef: `Patient/${randomUUID()}`,
      dischargedAt: ago(48),
    },
    'integration',
  )) as { episodeId: string };
  await until('the TCM clocks to start', async () => {
    const response = await fetch(`${baseUrl}/v1/episodes/${episodeId}`, {
      headers: await headers('coordinator'),
    });
    return ((await response.json()) as { stage: string }).stage === 'assessment';
  });
  const episode = `episodes/${episodeId}`;
  await post(`${episode}/assessment`, {
    at: ago(47),
    lace: { lengthOfStayDays: 1, acuteAdmission: false, charlsonScore: 0, edVisitsLast6Months: 0 },
    complexity: 'moderate',
  });
  await post(`${episode}/plan-approval`, { at: ago(46), handoffKinds: ['pcp'] });
  await post(`${episode}/contact-attempts`, { at: ago(45), reached: true, channel: 'phone' });
  const assignee = 'org/slow-clinic';
  const { handoffId } = (await post(`${episode}/handoffs`, {
    at: ago(30),
    kind: 'pcp',
    assignee,
  })) as { handoffId: string };
  return { episodeId, handoffId, assignee };
}
