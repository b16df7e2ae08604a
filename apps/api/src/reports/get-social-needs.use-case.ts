import { Injectable } from '@nestjs/common';
import { hrsnDomains, riskTiers } from '@care/domain';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { fraction } from './fraction';
import { laidOutReport, type LaidOutReport, type ReportField } from './report';
import { orderOf } from './report-sql';
import type { SocialNeedsQuery } from './report-query';

interface SocialNeedsRow {
  dischargeYear: number;
  domain: string | null;
  episodesScreened: number;
  positive: number;
  urgent: number;
  referralsRequested: number;
  referralsAccepted: number;
  referralsDeclined: number;
  referralsCompleted: number;
  [dimension: string]: string | number | null;
}

const FIELDS: ReportField[] = [
  'episodesScreened',
  { fraction: 'positive' },
  'urgent',
  'referralsRequested',
  'referralsAccepted',
  'referralsDeclined',
  'referralsCompleted',
  { fraction: 'referralClosure' },
];

/** The episodes the report counts: every one whose discharge stands (cancelled ones are out). */
const EPISODES = `
  SELECT tenant_id, episode_key, discharge_year, assessed_risk_tier
    FROM report_episodes
   WHERE tenant_id = $1 AND ($2::int IS NULL OR discharge_year = $2) AND NOT cancelled`;

/**
 * Social needs (DESIGN §7) of the episodes whose discharge stands, by discharge year and AHC
 * HRSN domain: the episodes screened for the domain, the share found in need (urgent ones
 * counted apart), and the community-resource referrals for the need through their closed loop
 * (rule 8): requested, accepted, declined and completed, the closure rate being completed over
 * requested. A referral for no need of the screen is in the row without a domain. Episodes
 * still open may yet close their referrals.
 */
@Injectable()
export class GetSocialNeeds {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: SocialNeedsQuery): Promise<LaidOutReport> {
    const byTier = query.groupBy === 'riskTier';
    const tier = byTier ? ', e.assessed_risk_tier' : '';
    const rows = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<SocialNeedsRow[]>(
        `WITH episodes AS (${EPISODES}),
              needs AS (
                SELECT e.discharge_year AS year${tier && `${tier} AS tier`}, n.domain,
                       count(*) FILTER (WHERE n.screened)::int AS screened,
                       count(*) FILTER (WHERE n.screened AND n.positive)::int AS positive,
                       count(*) FILTER (WHERE n.screened AND n.urgent)::int AS urgent
                  FROM report_needs n JOIN episodes e USING (tenant_id, episode_key)
                 GROUP BY e.discharge_year${tier}, n.domain),
              referrals AS (
                SELECT e.discharge_year AS year${tier && `${tier} AS tier`},
                       h.need_domain AS domain,
                       count(*)::int AS requested,
                       count(h.accepted_hours)::int AS accepted,
                       count(*) FILTER (WHERE h.declined)::int AS declined,
                       count(h.completed_hours)::int AS completed
                  FROM report_handoffs h JOIN episodes e USING (tenant_id, episode_key)
                 WHERE h.kind = 'community_resource'
                 GROUP BY e.discharge_year${tier}, h.need_domain)
         SELECT coalesce(n.year, r.year) AS "dischargeYear",
                ${byTier ? 'coalesce(n.tier, r.tier) AS "riskTier",' : ''}
                coalesce(n.domain, r.domain) AS domain,
                coalesce(n.screened, 0) AS "episodesScreened",
                coalesce(n.positive, 0) AS positive,
                coalesce(n.urgent, 0) AS urgent,
                coalesce(r.requested, 0) AS "referralsRequested",
                coalesce(r.accepted, 0) AS "referralsAccepted",
                coalesce(r.declined, 0) AS "referralsDeclined",
                coalesce(r.completed, 0) AS "referralsCompleted"
           FROM needs n
           FULL JOIN referrals r
             ON r.year = n.year AND r.domain IS NOT DISTINCT FROM n.domain
                ${byTier ? 'AND r.tier IS NOT DISTINCT FROM n.tier' : ''}
          ORDER BY 1, ${byTier ? `${orderOf('coalesce(n.tier, r.tier)', riskTiers)}, ` : ''}
                   ${orderOf('coalesce(n.domain, r.domain)', hrsnDomains)}`,
        [tenantId, query.dischargeYear ?? null],
      ),
    );
    return laidOutReport(
      'social-needs',
      tenantId,
      query,
      ['dischargeYear', ...(byTier ? ['riskTier'] : []), 'domain'],
      FIELDS,
      rows,
      (row) => ({
        episodesScreened: row.episodesScreened,
        positive: fraction(row.positive, row.episodesScreened),
        urgent: row.urgent,
        referralsRequested: row.referralsRequested,
        referralsAccepted: row.referralsAccepted,
        referralsDeclined: row.referralsDeclined,
        referralsCompleted: row.referralsCompleted,
        referralClosure: fraction(row.referralsCompleted, row.referralsRequested),
      }),
    );
  }
}
