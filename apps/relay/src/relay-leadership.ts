import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { pause } from '@care/platform';

/** The ASCII bytes of "carerela"; every relay of a database campaigns for this one key. */
export const RELAY_LEADER_LOCK_KEY = 0x63_61_72_65_72_65_6c_61n;

const CHECK_INTERVAL_MS = 1_000;
const LOCK_QUERY_TIMEOUT_MS = 3_000;
/**
 * The server drops a silent session (its host gone, the network cut) after about 5 + 3 × 2 s.
 * The leader notices the same cut sooner (check interval + query timeout), so terms never overlap.
 */
const SERVER_KEEPALIVES =
  '-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3';

export interface RelayLeadershipOptions {
  connectionString: string;
  applicationName: string;
  /** How often a standby tries to take the lock. */
  standbyPollMs: number;
  /** How often the leader checks its lock connection; default 1 s. */
  checkIntervalMs?: number;
  lockKey?: bigint;
}

/** Work done while leading; `term` aborts the moment leadership ends. */
export type LeaderTask = (term: AbortSignal) => Promise<void>;

interface LockConnection {
  client: Client;
  /** Aborts on any error or end of the connection: the lock may be gone with it. */
  lost: AbortController;
}

/**
 * Single-leader election on a session-level PostgreSQL advisory lock, held on a connection of
 * its own. The lock lives exactly as long as that session, so when a leader dies (even by
 * SIGKILL) the server frees it and a standby takes it at its next attempt.
 */
export class RelayLeadership {
  private readonly logger = new Logger(RelayLeadership.name);
  private readonly stopping = new AbortController();
  private readonly lockKey: string;
  private readonly checkIntervalMs: number;
  private connection?: LockConnection;
  private leading = false;
  private campaign?: Promise<void>;

  constructor(private readonly options: RelayLeadershipOptions) {
    this.lockKey = String(options.lockKey ?? RELAY_LEADER_LOCK_KEY);
    this.checkIntervalMs = options.checkIntervalMs ?? CHECK_INTERVAL_MS;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Campaigns until `stop()`, running `task` for every term this instance leads. */
  start(task: LeaderTask): void {
    this.campaign ??= this.campaignFor(task);
  }

  /** Ends the current term, waits for its task, then releases the lock by ending the session. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('stopping'));
    await this.campaign;
    await this.closeConnection();
  }

  private async campaignFor(task: LeaderTask): Promise<void> {
    let standingBy = false;
    while (!this.stopping.signal.aborted) {
      try {
        this.connection ??= await this.connect();
        if (await this.tryLock(this.connection.client)) {
          standingBy = false;
          await this.lead(this.connection, task);
        } else {
          if (!standingBy) this.logger.log('standing by: another relay holds the leader lock');
          standingBy = true;
          await pause(this.options.standbyPollMs, this.stopping.signal);
        }
      } catch (error) {
        this.logger.warn(
          `leader lock connection failed, retrying in ${this.options.standbyPollMs} ms: ${reasonOf(error)}`,
        );
        await this.closeConnection();
        await pause(this.options.standbyPollMs, this.stopping.signal);
      }
    }
  }

  private async lead(connection: LockConnection, task: LeaderTask): Promise<void> {
    const taskEnded = new AbortController();
    const term = AbortSignal.any([connection.lost.signal, this.stopping.signal, taskEnded.signal]);
    this.leading = true;
    this.logger.log('leading: took the relay leader lock');
    const work = task(term)
      .catch((error: unknown) => this.logger.error(`leader task failed: ${reasonOf(error)}`))
      .finally(() => taskEnded.abort(new Error('the leader task ended')));
    while (!term.aborted) {
      await pause(this.checkIntervalMs, term);
      if (term.aborted) break;
      await connection.client
        .query('SELECT 1')
        .catch((error: unknown) => connection.lost.abort(error));
    }
    this.leading = false;
    if (this.stopping.signal.aborted) {
      await work;
      await this.closeConnection();
      this.logger.log('stopped: released the relay leader lock');
      return;
    }
    this.logger.warn(`stepped down: ${reasonOf(term.reason)}; standing by`);
    await this.closeConnection();
    await work;
    // Having just stepped down, this relay is the weaker candidate: a standby goes first.
    await pause(2 * this.options.standbyPollMs, this.stopping.signal);
  }

  private async connect(): Promise<LockConnection> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName,
      connectionTimeoutMillis: LOCK_QUERY_TIMEOUT_MS,
      query_timeout: LOCK_QUERY_TIMEOUT_MS,
      options: SERVER_KEEPALIVES,
    });
    const lost = new AbortController();
    client.on('error', (error) => lost.abort(error));
    client.on('end', () => lost.abort(new Error('the lock connection ended')));
    await client.connect();
    return { client, lost };
  }

  private async tryLock(client: Client): Promise<boolean> {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [this.lockKey],
    );
    return rows[0]?.locked === true;
  }

  private async closeConnection(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.client.end().catch(() => undefined);
  }
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
