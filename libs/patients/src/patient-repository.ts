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

class CreatedConcurrently extends Error {}

const identifierKey = ({ system, value }: PatientIdentifier) => `${system}|${value}`;

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
    const patientId = await this.keep(tenantId, demographics);
    return (await inTenant(this.dataSource, tenantId, (tx) => this.load(tx, tenantId, patientId)))!;
  }

  /** As upsert, answering only the patient's id: one statement, for every feed message. */
  async keep(tenantId: string, demographics: PatientDemographics): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTenant(this.dataSource, tenantId, (tx) =>
          this.keepIn(tx, tenantId, demographics),
        );
      } catch (error) {
        // Two feeds created the same new patient at once: the second finds the first's row.
        if (!(error instanceof CreatedConcurrently) || attempt >= 3) throw error;
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

  private async keepIn(
    tx: EntityManager,
    tenantId: string,
    demographics: PatientDemographics,
  ): Promise<string> {
    const { identifiers } = demographics;
    const [row] = await tx.query<{ patient_id: string; created: boolean; added: number }[]>(
      `WITH known AS (
         SELECT patient_id FROM patient_identifiers
          WHERE tenant_id = $1 AND (system, value) IN (SELECT * FROM unnest($2::text[], $3::text[]))
          ORDER BY system, value LIMIT 1),
       chosen AS (SELECT COALESCE((SELECT patient_id FROM known), $5::uuid) AS patient_id),
       kept AS (
         INSERT INTO patients (patient_id, tenant_id, family, given, birth_date, sex)
         SELECT patient_id, $1, $6, $7::text[], $8::date, $9 FROM chosen
         ON CONFLICT (patient_id) DO UPDATE
            SET family = COALESCE(EXCLUDED.family, patients.family),
                given = CASE WHEN cardinality(EXCLUDED.given) > 0
                             THEN EXCLUDED.given ELSE patients.given END,
                birth_date = COALESCE(EXCLUDED.birth_date, patients.birth_date),
                sex = COALESCE(EXCLUDED.sex, patients.sex), updated_at = now()
         RETURNING patient_id),
       identified AS (
         INSERT INTO patient_identifiers (tenant_id, system, value, type, patient_id)
         SELECT $1, i.system, i.value, i.type, kept.patient_id
           FROM kept, unnest($2::text[], $3::text[], $4::text[]) AS i(system, value, type)
         ON CONFLICT (tenant_id, system, value) DO NOTHING
         RETURNING 1)
       SELECT patient_id, NOT EXISTS (SELECT 1 FROM known) AS created,
              (SELECT count(*)::int FROM identified) AS added
         FROM kept`,
      [
        tenantId,
        identifiers.map((identifier) => identifier.system),
        identifiers.map((identifier) => identifier.value),
        identifiers.map((identifier) => identifier.type ?? null),
        randomUUID(),
        demographics.family ?? null,
        demographics.given ?? [],
        demographics.birthDate ?? null,
        demographics.sex ?? null,
      ],
    );
    // A new patient whose identifier another transaction took meanwhile is that patient.
    if (row!.created && row!.added < new Set(identifiers.map(identifierKey)).size) {
      throw new CreatedConcurrently();
    }
    return row!.patient_id;
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
