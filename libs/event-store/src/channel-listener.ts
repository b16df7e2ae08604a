import { Logger } from '@nestjs/common';
import { backoffDelay, pause } from '@care/platform';
import { Client } from 'pg';

const RECONNECT_BASE_MS = 500;

export interface ChannelListenerOptions {
  connectionString: string;
  /** A PostgreSQL identifier: it is interpolated into LISTEN. */
  channel: string;
  applicationName: string;
}

export interface ChannelHandlers {
  onNotification(payload: string): void;
  /** Called each time listening (re)starts: whatever was sent while not listening is lost. */
  onListening?(): void;
}

/**
 * Listens on one PostgreSQL NOTIFY channel on a connection of its own and reconnects with
 * backoff when it drops. A notification arrives once its transaction commits.
 */
export class ChannelListener {
  private readonly logger = new Logger(ChannelListener.name);
  private readonly stopping = new AbortController();
  private listening?: Promise<void>;

  constructor(private readonly options: ChannelListenerOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) {
      throw new Error(`${options.channel} is not a plain channel name`);
    }
  }

  start(handlers: ChannelHandlers): void {
    this.listening ??= this.listen(handlers);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.listening;
  }

  private async listen(handlers: ChannelHandlers): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      const client = new Client({
        connectionString: this.options.connectionString,
        application_name: this.options.applicationName,
      });
      const ended = new Promise<unknown>((resolve) => {
        client.on('error', resolve);
        client.on('end', () => resolve(undefined));
      });
      try {
        await client.connect();
        client.on('notification', ({ payload }) => handlers.onNotification(payload ?? ''));
        await client.query(`LISTEN ${this.options.channel}`);
        failures = 0;
        handlers.onListening?.();
        const stopped = new Promise((resolve) =>
          this.stopping.signal.addEventListener('abort', resolve, { once: true }),
        );
        const reason = await Promise.race([ended, stopped]);
        if (reason instanceof Error) throw reason;
      } catch (error) {
        failures += 1;
        const delay = backoffDelay(failures, RECONNECT_BASE_MS);
        this.logger.warn(
          `listening on ${this.options.channel} failed, again in ${delay} ms: ${String(error)}`,
        );
        await pause(delay, this.stopping.signal);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }
}
