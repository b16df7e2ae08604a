import type { CareEpisodeEvent, TenantPolicy } from '@care/domain';

export interface AppendEpisodeEventsInput {
  episodeId: string;
  tenantId: string;
  expectedVersion: number;
  events: CareEpisodeEvent[];
}

export interface AppendEpisodeEventsResult {
  nextVersion: number;
}

export interface LoadTenantPolicyInput {
  tenantId: string;
  /** Calendar years whose holidays the episode's clocks can reach. */
  years: number[];
}

/** What the episode workflow needs from the outside world; implemented in apps/worker. */
export interface CareEpisodeActivities {
  /** Idempotent: a retried append with the same expected version stores nothing twice. */
  appendEpisodeEvents(input: AppendEpisodeEventsInput): Promise<AppendEpisodeEventsResult>;
  loadTenantPolicy(input: LoadTenantPolicyInput): Promise<TenantPolicy>;
}
