import { randomUUID } from 'node:crypto';
import { inTenant } from '@care/event-store';
import type { PatientDemographics, PatientIdentifier } from '@care/intake';
import type { DataSource, EntityManager } from 'typeorm';

export interface StoredPatient extends PatientDemographics {
  patientId: string;
  tenantId: string;
}

interface PatientRow {
  patient_id: string;
  family: string | null;
  given: string[];
  birth_date: string | null;
  sex: PatientDemographics['sex'] | null;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Patients of one tenant at a time: every query runs in a transaction that declares the
 * tenant, so row-level security confines it even if a query forgot its tenant condition.
 */
export class PatientRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The patient any of the identifiers names, with the demographics brought up to date; a new
   * patient when none does. Identifiers not yet known are added to the patient.
   */
  async upsert(tenantId: string, demographics: PatientDemographics): Promise<StoredPatient> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTenant(this.dataSource, tenantId, (tx) =>
          this.upsertIn(tx, tenantId, demographics),
        );
      } catch (error) {
        // Two feeds created the same new patient at once: the second finds the first's row.
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 3) throw error;
      }
    }
  }

  findByIdentifier(
    tenantId: string,
    identifier: PatientIdentifier,
  ): Promise<StoredPatient | undefined> {
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const patientId = await this.patientIdFor(tx, [identifier]);
      return patientId ? this.load(tx, tenantId, patientId) : undefined;
    });
  }

  private async upsertIn(
    tx: EntityManager,
    tenantId: string,
    demographics: PatientDemographics,
  ): Promise<StoredPatient> {
    const known = await this.patientIdFor(tx, demographics.identifiers);
    const patientId = known ?? randomUUID();
    const values = [
      patientId,
      tenantId,
      demographics.family ?? null,
      demographics.given ?? [],
      demographics.birthDate ?? null,
      demographics.sex ?? null,
    ];
    if (known) {
      await tx.query(
        `UPDATE patients SET family = COALESCE($3, family),
                given = CASE WHEN cardinality($4::text[]) > 0 THEN $4 ELSE given END,
                birth_date = COALESCE($5, birth_date), sex = COALESCE($6, sex), updated_at = now()
          WHERE patient_id = $1 AND tenant_id = $2`,
        values,
      );
    } else {
      await tx.query(
        `INSERT INTO patients (patient_id, tenant_id, family, given, birth_date, sex)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        values,
      );
    }
    await tx.query(
      `INSERT INTO patient_identifiers (tenant_id, system, value, type, patient_id)
       SELECT $1, system, value, type, $5
         FROM unnest($2::text[], $3::text[], $4::text[]) AS i(system, value, type)
       ON CONFLICT (tenant_id, system, value) DO NOTHING`,
      [
        tenantId,
        demographics.identifiers.map((identifier) => identifier.system),
        demographics.identifiers.map((identifier) => identifier.value),
        demographics.identifiers.map((identifier) => identifier.type ?? null),
        patientId,
      ],
    );
    return (await this.load(tx, tenantId, patientId))!;
  }

  private async patientIdFor(
    tx: EntityManager,
    identifiers: readonly PatientIdentifier[],
  ): Promise<string | undefined> {
    const rows = await tx.query<{ patient_id: string }[]>(
      `SELECT patient_id FROM patient_identifiers
        WHERE (system, value) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        ORDER BY system, value LIMIT 1`,
      [
        identifiers.map((identifier) => identifier.system),
        identifiers.map((identifier) => identifier.value),
      ],
    );
    return rows[0]?.patient_id;
  }

  private async load(
    tx: EntityManager,
    tenantId: string,
    patientId: string,
  ): Promise<StoredPatient | undefined> {
    const [row] = await tx.query<PatientRow[]>(
      `SELECT patient_id, family, given, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex
         FROM patients WHERE patient_id = $1`,
      [patientId],
    );
    if (!row) return undefined;
    const identifiers = await tx.query<PatientIdentifier[]>(
      `SELECT system, value, type FROM patient_identifiers WHERE patient_id = $1 ORDER BY system, value`,
      [patientId],
    );
    return {
      patientId: row.patient_id,
      tenantId,
      identifiers: identifiers.map(({ system, value, type }) =>
        type ? { system, value, type } : { system, value },
      ),
      ...(row.family ? { family: row.family } : {}),
      ...(row.given.length > 0 ? { given: row.given } : {}),
      ...(row.birth_date ? { birthDate: row.birth_date } : {}),
      ...(row.sex ? { sex: row.sex } : {}),
    };
  }
}
