import { randomUUID } from 'node:crypto';
import { issueToken, type Role } from '@care/auth';
import { loadConfig } from '@care/platform';
import { until } from './until';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** The care team's side of an episode on the api: its actions, as a coordinator of the tenant. */
export class EpisodeDriver {
  private readonly config = loadConfig();

  constructor(
    private readonly baseUrl: string,
    private readonly tenantId: string,
  ) {}

  /**
   * Discharged two days ago, assessed low risk, planned with a PCP hand-off and reached by
   * phone: nothing is due and nothing is stuck until the hand-off is requested.
   */
  async plannedEpisode(): Promise<string> {
    const { episodeId } = (await this.post(
      'discharges',
      {
        tenantId: this.tenantId,
        encounterId: `ENC-${randomUUID()}`,
        patientRef: `Patient/${randomUUID()}`,
        dischargedAt: ago(48),
      },
      'integration',
    )) as { episodeId: string };
    await until('the TCM clocks to start', async () => {
      const response = await fetch(`${this.baseUrl}/v1/episodes/${episodeId}`, {
        headers: await this.headers('coordinator'),
      });
      return ((await response.json()) as { stage: string }).stage === 'assessment';
    });
    const episode = `episodes/${episodeId}`;
    await this.post(`${episode}/assessment`, {
      at: ago(40),
      lace: {
        lengthOfStayDays: 2,
        acuteAdmission: false,
        charlsonScore: 0,
        edVisitsLast6Months: 0,
      },
      complexity: 'moderate',
    });
    await this.post(`${episode}/plan-approval`, { at: ago(36), handoffKinds: ['pcp'] });
    await this.post(`${episode}/contact-attempts`, {
      at: ago(34),
      reached: true,
      channel: 'phone',
    });
    return episodeId;
  }

  /**
   * A PCP hand-off requested 30 hours ago: its 24-hour acceptance SLA is breached at once, so
   * the hand-off's SLA clock escalates it and the episode is stuck for that reason alone.
   */
  async requestOverdueHandoff(episodeId: string, assignee: string): Promise<string> {
    const { handoffId } = (await this.post(`episodes/${episodeId}/handoffs`, {
      at: ago(30),
      kind: 'pcp',
      assignee,
    })) as { handoffId: string };
    return handoffId;
  }

  private async headers(role: Role) {
    const token = await issueToken(this.config, {
      subject: 'rn-7',
      roles: [role],
      tenantId: this.tenantId,
    });
    return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  }

  private async post(path: string, body: unknown, role: Role = 'coordinator') {
    const response = await fetch(`${this.baseUrl}/v1/${path}`, {
      method: 'POST',
      headers: await this.headers(role),
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  }
}
