import { randomUUID } from 'node:crypto';
import { inTenant } from '@care/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  Caregiver,
  ContactPoint,
  EnteredCoverage,
  PatientContactDetails,
} from './patient-contacts';

interface ContactPointRow {
  channel: 'phone' | 'email';
  value: string;
  use: ContactPoint['use'] | null;
}

interface CaregiverRow {
  caregiver_id: string;
  name: string;
  relationship: string;
  phone: string | null;
}

/** Who entered a coverage: the feed's are replaced by the feed, a coordinator's by a coordinator. */
const COORDINATOR = 'coordinator';

/**
 * The patient's contact details, caregivers and coordinator-entered coverage, one tenant at a
 * time under row-level security, as PatientRepository keeps the demographics.
 */
export class PatientContactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The details replace the patient's earlier ones whole. */
  async setContactDetails(
    tenantId: string,
    patientId: string,
    details: PatientContactDetails,
  ): Promise<void> {
    const points = [
      ...details.phones.map((point, index) => ({ channel: 'phone', position: index + 1, point })),
      ...details.emails.map((point, index) => ({ channel: 'email', position: index + 1, point })),
    ];
    await inTenant(this.dataSource, tenantId, async (tx) => {
      await tx.query(
        `DELETE FROM patient_contact_points WHERE tenant_id = $1 AND patient_id = $2`,
        [tenantId, patientId],
      );
      if (points.length === 0) return;
      await tx.query(
        `INSERT INTO patient_contact_points (tenant_id, patient_id, channel, position, value, use)
         SELECT $1, $2, * FROM unnest($3::text[], $4::int[], $5::text[], $6::text[])`,
        [
          tenantId,
          patientId,
          points.map(({ channel }) => channel),
          points.map(({ position }) => position),
          points.map(({ point }) => point.value),
          points.map(({ point }) => point.use ?? null),
        ],
      );
    });
  }

  contactDetails(tenantId: string, patientId: string): Promise<PatientContactDetails> {
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const rows = await tx.query<ContactPointRow[]>(
        `SELECT channel, value, use FROM patient_contact_points
          WHERE tenant_id = $1 AND patient_id = $2 ORDER BY channel, position`,
        [tenantId, patientId],
      );
      const of = (channel: ContactPointRow['channel']) =>
        rows
          .filter((row) => row.channel === channel)
          .map(({ value, use }) => (use ? { value, use } : { value }));
      return { phones: of('phone'), emails: of('email') };
    });
  }

  /**
   * A new caregiver of the patient, or (with its id) one brought up to date; answers its id, or
   * undefined when the id names no caregiver of this patient.
   */
  async keepCaregiver(
    tenantId: string,
    patientId: string,
    caregiver: Omit<Caregiver, 'caregiverId'> & { caregiverId?: string },
  ): Promise<string | undefined> {
    const values = [caregiver.name, caregiver.relationship, caregiver.phone ?? null];
    const rows = await inTenant(this.dataSource, tenantId, (tx) =>
      caregiver.caregiverId === undefined
        ? tx.query<{ caregiver_id: string }[]>(
            `INSERT INTO patient_caregivers
                    (tenant_id, caregiver_id, patient_id, name, relationship, phone)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING caregiver_id`,
            [tenantId, randomUUID(), patientId, ...values],
          )
        : tx.query<{ caregiver_id: string }[]>(
            // A CTE, so that the driver answers the rows as for a SELECT.
            `WITH updated AS (
               UPDATE patient_caregivers SET name = $4, relationship = $5, phone = $6, updated_at = now()
                WHERE tenant_id = $1 AND caregiver_id = $2 AND patient_id = $3
               RETURNING caregiver_id)
             SELECT caregiver_id FROM updated`,
            [tenantId, caregiver.caregiverId, patientId, ...values],
          ),
    );
    return rows[0]?.caregiver_id;
  }

  caregivers(tenantId: string, patientId: string): Promise<Caregiver[]> {
    return inTenant(this.dataSource, tenantId, async (tx) =>
      (await this.caregiverRows(tx, tenantId, patientId)).map((row) => ({
        caregiverId: row.caregiver_id,
        name: row.name,
        relationship: row.relationship,
        ...(row.phone ? { phone: row.phone } : {}),
      })),
    );
  }

  /** The coverage a coordinator entered becomes the patient's primary one of that source. */
  async enterCoverage(
    tenantId: string,
    patientId: string,
    coverage: EnteredCoverage,
  ): Promise<void> {
    await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query(
        `INSERT INTO patient_coverages (tenant_id, patient_id, source, priority, payer_name, plan_type, member_id)
         VALUES ($1, $2, $3, 1, $4, $5, $6)
         ON CONFLICT (tenant_id, patient_id, source, priority) DO UPDATE
            SET payer_name = EXCLUDED.payer_name, plan_type = EXCLUDED.plan_type,
                member_id = EXCLUDED.member_id, payer_id = NULL, plan_id = NULL, updated_at = now()`,
        [
          tenantId,
          patientId,
          COORDINATOR,
          coverage.payerName,
          coverage.planType ?? null,
          coverage.memberId ?? null,
        ],
      ),
    );
  }

  private caregiverRows(tx: EntityManager, tenantId: string, patientId: string) {
    return tx.query<CaregiverRow[]>(
      `SELECT caregiver_id, name, relationship, phone FROM patient_caregivers
        WHERE tenant_id = $1 AND patient_id = $2 ORDER BY updated_at, caregiver_id`,
      [tenantId, patientId],
    );
  }
}
