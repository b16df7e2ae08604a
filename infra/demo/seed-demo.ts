import { setTimeout as sleep } from 'node:timers/promises';
import { issueToken } from '../../libs/auth/src/issue-token';
import type { AuthConfig } from '../../libs/auth/src/token-verifier';
import type { HandoffKind } from '../../libs/domain/src';
import { DemoApiClient, type DemoEpisodeView } from './demo-api-client';
import { DEMO_EPISODES, LACE_INPUTS, type DemoEpisode, type DemoStep } from './demo-episodes';
import { dischargeCancellationMessage } from './discharge-cancellation-message';

const HOUR_MS = 3_600_000;
const TERMINAL_STAGES = ['closed', 'cancelled'];

export interface SeedDemoOptions {
  apiUrl: string;
  tenantId: string;
  config: Pick<AuthConfig, 'AUTH_JWT_SECRET' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>;
  /** How long to wait for the api's /ready (default 2 minutes). */
  readyTimeoutMs?: number;
  /** Episodes seeded at once (default 4). */
  concurrency?: number;
  episodes?: readonly DemoEpisode[];
  log?: (line: string) => void;
}

export interface SeededEpisode {
  demo: DemoEpisode;
  episodeId: string;
  /** False when the episode was there already (a repeated run). */
  created: boolean;
  stage: string;
  stuckReasons: string[];
}

/** Polls the episode until `ready` holds; fails naming `what` after `timeoutMs`. */
async function episodeWhen(
  api: DemoApiClient,
  episodeId: string,
  what: string,
  ready: (episode: DemoEpisodeView) => boolean,
  timeoutMs = 30_000,
): Promise<DemoEpisodeView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const episode = await api.episode(episodeId);
    if (ready(episode)) return episode;
    if (Date.now() > deadline) {
      throw new Error(`episode ${episodeId} did not reach ${what} within ${timeoutMs} ms`);
    }
    await sleep(100);
  }
}

/** Runs `work` on every item, at most `size` at a time, and answers the results in order. */
async function inPool<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

class EpisodeSeeder {
  private readonly handoffs = new Map<HandoffKind, string>();

  constructor(
    private readonly api: DemoApiClient,
    private readonly demo: DemoEpisode,
    private readonly episodeId: string,
    private readonly now: number,
  ) {}

  private at(hoursAgo: number): string {
    return new Date(this.now - hoursAgo * HOUR_MS).toISOString();
  }

  private handoffOf(kind: HandoffKind): string {
    const handoffId = this.handoffs.get(kind);
    if (!handoffId) throw new Error(`${this.demo.encounterId}: no ${kind} hand-off requested`);
    return handoffId;
  }

  /** Each step carries a key of its own, so a second run gets the first run's answers. */
  async run(step: DemoStep, index: number): Promise<void> {
    const key = `demo.${this.demo.encounterId}.${index + 1}.${step.action}`;
    const act = (action: string, body: unknown) => this.api.act(this.episodeId, action, body, key);
    switch (step.action) {
      case 'assessment':
        await act('assessment', {
          at: this.at(step.hoursAgo),
          lace: LACE_INPUTS[step.lace],
          complexity: step.complexity,
        });
        return;
      case 'plan-approval':
        await act('plan-approval', { at: this.at(step.hoursAgo), handoffKinds: step.handoffKinds });
        return;
      case 'handoff-request': {
        const { handoffId } = await act('handoffs', {
          at: this.at(step.hoursAgo),
          kind: step.kind,
          assignee: step.assignee,
        });
        if (!handoffId) throw new Error(`${this.demo.encounterId}: no hand-off id answered`);
        this.handoffs.set(step.kind, handoffId);
        return;
      }
      case 'handoff-accept':
      case 'handoff-complete': {
        const verb = step.action === 'handoff-accept' ? 'accept' : 'complete';
        await act(`handoffs/${this.handoffOf(step.kind)}/${verb}`, { at: this.at(step.hoursAgo) });
        return;
      }
      case 'handoff-decline':
        await act(`handoffs/${this.handoffOf(step.kind)}/decline`, {
          at: this.at(step.hoursAgo),
          reason: step.reason,
        });
        return;
      case 'contact-attempt':
        await act('contact-attempts', {
          at: this.at(step.hoursAgo),
          reached: step.reached,
          channel: step.channel,
        });
        return;
      case 'visit':
        await act('visits', { at: this.at(step.hoursAgo) });
        return;
      case 'medication-reconciliation':
        await act('medication-reconciliations', { at: this.at(step.hoursAgo) });
        return;
      case 'discharge-cancellation':
        await this.api.sendHl7(
          dischargeCancellationMessage(this.demo.encounterId, new Date(this.now)),
        );
        // The feed's message is queued; the intake applies it a moment later.
        await episodeWhen(this.api, this.episodeId, 'the cancellation', (episode) =>
          TERMINAL_STAGES.includes(episode.stage),
        );
        return;
      default: {
        const unknown: never = step;
        throw new Error(`unknown demo step ${JSON.stringify(unknown)}`);
      }
    }
  }
}

/**
 * Seeds the demo's episodes through the api, as the hospital feed and the care team would: the
 * real workflows run every rule and clock. Encounter ids are fixed and every action carries an
 * Idempotency-Key, so running it again creates nothing.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeededEpisode[]> {
  const { tenantId, config } = options;
  const log = options.log ?? (() => undefined);
  const token = (subject: string, role: 'integration' | 'coordinator') =>
    issueToken(config, { subject, roles: [role], tenantId });
  const api = new DemoApiClient(options.apiUrl.replace(/\/$/, ''), {
    integration: await token('demo-feed', 'integration'),
    coordinator: await token('demo-coordinator', 'coordinator'),
  });
  await api.waitUntilReady(options.readyTimeoutMs ?? 120_000);
  const now = Date.now();
  const episodes = options.episodes ?? DEMO_EPISODES;
  log(`seeding ${episodes.length} episodes for tenant ${tenantId} at ${api.baseUrl}`);

  const seeded = await inPool(episodes, options.concurrency ?? 4, async (demo) => {
    const discharge = await api.discharge({
      tenantId,
      encounterId: demo.encounterId,
      patientRef: demo.patientRef,
      dischargedAt: new Date(now - demo.dischargedHoursAgo * HOUR_MS).toISOString(),
    });
    const { episodeId } = discharge;
    // Actions wait for the clocks the workflow starts right after the discharge.
    const started = await episodeWhen(
      api,
      episodeId,
      'its TCM clocks',
      (episode) => episode.stage !== 'intake',
    );
    if (!TERMINAL_STAGES.includes(started.stage)) {
      const seeder = new EpisodeSeeder(api, demo, episodeId, now);
      for (const [index, step] of demo.steps.entries()) await seeder.run(step, index);
    }
    return { demo, episodeId, created: discharge.recorded };
  });

  return Promise.all(
    seeded.map(async (episode) => {
      const view = await api.episode(episode.episodeId);
      return { ...episode, stage: view.stage, stuckReasons: view.stuck?.reasons ?? [] };
    }),
  );
}
