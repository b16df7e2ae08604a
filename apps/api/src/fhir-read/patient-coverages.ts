import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import type { PatientCoverageRecord } from './patient-coverage';

interface CoverageRow {
  patient_id: string;
  source: string;
  priority: number;
  payer_id: string | null;
  payer_name: string | null;
  plan_id: string | null;
  plan_type: string | null;
  member_id: string | null;
  updated_at: Date;
}

const COLUMNS = `patient_id, source, priority, payer_id, payer_name, plan_id, plan_type, member_id,
                 updated_at`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function toRecord(row: CoverageRow): PatientCoverageRecord {
  return {
    patientId: row.patient_id,
    source: row.source,
    priority: row.priority,
    ...(row.payer_id ? { payerId: row.payer_id } : {}),
    ...(row.payer_name ? { payerName: row.payer_name } : {}),
    ...(row.plan_id ? { planId: row.plan_id } : {}),
    ...(row.plan_type ? { planType: row.plan_type } : {}),
    ...(row.member_id ? { memberId: row.member_id } : {}),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The patients store's coverages, with who named each (feed or coordinator) so that each has
 * an id of its own; one tenant at a time under row-level security.
 */
@Injectable()
export class PatientCoverages {
  constructor(private readonly dataSource: DataSource) {}

  /** The patient's coverages in order of coverage; none for an id no patient can have. */
  async ofPatient(tenantId: string, patientId: string): Promise<PatientCoverageRecord[]> {
    if (!UUID.test(patientId)) return [];
    const rows = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<CoverageRow[]>(
        `SELECT ${COLUMNS} FROM patient_coverages
          WHERE tenant_id = $1 AND patient_id = $2 ORDER BY priority, source`,
        [tenantId, patientId],
      ),
    );
    return rows.map(toRecord);
  }

  async find(
    tenantId: string,
    key: Pick<PatientCoverageRecord, 'patientId' | 'source' | 'priority'>,
  ): Promise<PatientCoverageRecord | undefined> {
    const [row] = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<CoverageRow[]>(
        `SELECT ${COLUMNS} FROM patient_coverages
          WHERE tenant_id = $1 AND patient_id = $2 AND source = $3 AND priority = $4`,
        [tenantId, key.patientId, key.source, key.priority],
      ),
    );
    return row ? toRecord(row) : undefined;
  }
}
