import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { careEpisodeStages, stuckReasons } from '@care/domain';
import { ChannelListener } from '@care/event-store';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { z } from 'zod';

const CHANNEL = 'episode_worklist_changed';

const notification = z.object({
  tenantId: z.string(),
  episodeId: z.uuid(),
  stage: z.enum(careEpisodeStages),
  stuckReasons: z.array(z.enum(stuckReasons)),
  version: z.number().int(),
});

/** A change of an episode's worklist row, as the stream tells the tenant's consoles. */
export type EpisodeChange = Omit<z.output<typeof notification>, 'tenantId'>;

export type EpisodeChangeSignal = { kind: 'change'; change: EpisodeChange } | { kind: 'resync' };

/**
 * Fans the worklist's change notifications out to the subscribers of each tenant. One
 * listening connection per api instance, opened when the first console subscribes.
 */
@Injectable()
export class EpisodeChanges implements OnModuleDestroy {
  private readonly logger = new Logger(EpisodeChanges.name);
  private readonly subscribers = new Map<string, Set<(signal: EpisodeChangeSignal) => void>>();
  private listener?: ChannelListener;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Returns the unsubscribe function. */
  subscribe(tenantId: string, onSignal: (signal: EpisodeChangeSignal) => void): () => void {
    this.listen();
    const tenant = this.subscribers.get(tenantId) ?? new Set();
    tenant.add(onSignal);
    this.subscribers.set(tenantId, tenant);
    return () => {
      tenant.delete(onSignal);
      if (tenant.size === 0) this.subscribers.delete(tenantId);
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
  }

  private listen(): void {
    if (this.listener) return;
    this.listener = new ChannelListener({
      connectionString: this.config.DATABASE_URL,
      channel: CHANNEL,
      applicationName: 'care-api-episode-changes',
    });
    this.listener.start({
      onNotification: (payload) => this.dispatch(payload),
      // Changes sent while the connection was down were missed: consoles reload what they show.
      onListening: () => this.broadcast({ kind: 'resync' }),
    });
  }

  private dispatch(payload: string): void {
    let parsed: z.output<typeof notification>;
    try {
      parsed = notification.parse(JSON.parse(payload));
    } catch (error) {
      this.logger.warn(`ignored a malformed ${CHANNEL} notification: ${String(error)}`);
      return;
    }
    const { tenantId, ...change } = parsed;
    for (const onSignal of this.subscribers.get(tenantId) ?? []) {
      onSignal({ kind: 'change', change });
    }
  }

  private broadcast(signal: EpisodeChangeSignal): void {
    for (const tenant of this.subscribers.values()) {
      for (const onSignal of tenant) onSignal(signal);
    }
  }
}
