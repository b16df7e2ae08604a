import { Injectable } from '@nestjs/common';
import { riskTiers, tcmComplexities } from '@care/domain';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { fraction } from './fraction';
import { laidOutReport, type LaidOutReport, type ReportField } from './report';
import { grouping, OF_TENANT_AND_YEAR, percentile, type Dimension } from './report-sql';
import type { TcmComplianceQuery } from './report-query';

const DIMENSIONS: Record<NonNullable<TcmComplianceQuery['groupBy']>, Dimension> = {
  riskTier: { expression: 'assessed_risk_tier', name: 'riskTier', order: riskTiers },
  complexity: { expression: 'complexity', name: 'complexity', order: tcmComplexities },
  week: { expression: 'visit_service_week', name: 'serviceWeek' },
};

interface TcmRow {
  dischargeYear: number;
  episodes: number;
  openEpisodes: number;
  cancelledEpisodes: number;
  closedEpisodes: number;
  contactMet: number;
  visitMet: number;
  medicationMet: number;
  billable: number;
  cpt99495: number;
  cpt99496: number;
  failedAssessment: number;
  failedContact: number;
  failedFaceToFace: number;
  failedMedicationReconciliation: number;
  failedCoverage: number;
  firstContactHoursP50: number | null;
  [dimension: string]: string | number | null;
}

const FIELDS: ReportField[] = [
  'episodes',
  'openEpisodes',
  'cancelledEpisodes',
  'closedEpisodes',
  { fraction: 'contactWithinWindow' },
  { fraction: 'visitWithinWindow' },
  { fraction: 'medicationReconciledByVisit' },
  { fraction: 'billable' },
  'billed99495',
  'billed99496',
  'failedAssessment',
  'failedContact',
  'failedFaceToFace',
  'failedMedicationReconciliation',
  'failedCoverage',
  'firstContactHoursP50',
];

const CLOSED = `stage = 'closed'`;

/**
 * TCM compliance (DESIGN §4, rules 2–5) over the episodes whose service period has ended: the
 * interactive contact within 2 business days, the face-to-face visit within its 7 or 14 days,
 * the medication reconciled by the visit, and the billable share with its CPT codes and the
 * rules that failed (coverage among them: a payer class that does not pay the tenant for TCM);
 * with the episodes still open and cancelled for context.
 */
@Injectable()
export class GetTcmCompliance {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: TcmComplianceQuery): Promise<LaidOutReport> {
    const dimension = query.groupBy && DIMENSIONS[query.groupBy];
    const { select, groupBy, orderBy } = grouping(dimension);
    const rows = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<TcmRow[]>(
        `SELECT ${select},
                count(*) FILTER (WHERE NOT cancelled)::int AS episodes,
                count(*) FILTER (WHERE NOT cancelled AND NOT ${CLOSED})::int AS "openEpisodes",
                count(*) FILTER (WHERE cancelled)::int AS "cancelledEpisodes",
                count(*) FILTER (WHERE ${CLOSED})::int AS "closedEpisodes",
                count(*) FILTER (WHERE ${CLOSED} AND contact_requirement_met)::int AS "contactMet",
                count(*) FILTER (WHERE ${CLOSED} AND visit_within_window)::int AS "visitMet",
                count(*) FILTER (WHERE ${CLOSED} AND medication_reconciled_by_visit)::int AS "medicationMet",
                count(*) FILTER (WHERE ${CLOSED} AND billable)::int AS billable,
                count(*) FILTER (WHERE cpt_code = '99495')::int AS "cpt99495",
                count(*) FILTER (WHERE cpt_code = '99496')::int AS "cpt99496",
                count(*) FILTER (WHERE failed_rule = 'tcm-assessment')::int AS "failedAssessment",
                count(*) FILTER (WHERE failed_rule = 'tcm-contact')::int AS "failedContact",
                count(*) FILTER (WHERE failed_rule = 'tcm-face-to-face')::int AS "failedFaceToFace",
                count(*) FILTER (WHERE failed_rule = 'tcm-medication-reconciliation')::int
                  AS "failedMedicationReconciliation",
                count(*) FILTER (WHERE failed_rule = 'tcm-coverage')::int AS "failedCoverage",
                ${percentile(0.5, 'first_contact_hours', 'NOT cancelled')} AS "firstContactHoursP50"
           FROM report_episodes
          WHERE ${OF_TENANT_AND_YEAR}
          GROUP BY ${groupBy}
          ORDER BY ${orderBy}`,
        [tenantId, query.dischargeYear ?? null],
      ),
    );
    return laidOutReport(
      'tcm-compliance',
      tenantId,
      query,
      ['dischargeYear', ...(dimension ? [dimension.name] : [])],
      FIELDS,
      rows,
      (row) => ({
        episodes: row.episodes,
        openEpisodes: row.openEpisodes,
        cancelledEpisodes: row.cancelledEpisodes,
        closedEpisodes: row.closedEpisodes,
        contactWithinWindow: fraction(row.contactMet, row.closedEpisodes),
        visitWithinWindow: fraction(row.visitMet, row.closedEpisodes),
        medicationReconciledByVisit: fraction(row.medicationMet, row.closedEpisodes),
        billable: fraction(row.billable, row.closedEpisodes),
        billed99495: row.cpt99495,
        billed99496: row.cpt99496,
        failedAssessment: row.failedAssessment,
        failedContact: row.failedContact,
        failedFaceToFace: row.failedFaceToFace,
        failedMedicationReconciliation: row.failedMedicationReconciliation,
        failedCoverage: row.failedCoverage,
        firstContactHoursP50: row.firstContactHoursP50,
      }),
    );
  }
}
