import { randomUUID } from 'node:crypto';
import { inTenant } from '@care/event-store';
import type { PatientCoverage, PatientDemographics, PatientIdentifier } from '@care/intake';
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

interface CoverageRow {
  priority: number;
  payer_id: string | null;
  payer_name: string | null;
  plan_id: string | null;
  plan_type: string | null;
  member_id: string | null;
}

/** Who named a patient's coverages; a feed message replaces only the feed's. */
const FEED = 'feed';

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

  /**
   * As upsert, answering only the patient's id: one statement, for every feed message, and a
   * second when the message names coverages. The coverages a message names replace the feed's
   * coverages of the patient; a message that names none (an A08 without IN1) leaves them as they
   * are, as demographics it leaves out stay as they were.
   */
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

  /** The patient with this internal id, when the tenant has them. */
  findById(tenantId: string, patientId: string): Promise<StoredPatient | undefined> {
    return inTenant(this.dataSource, tenantId, (tx) => this.load(tx, tenantId, patientId));
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

  /**
   * Remembers the id a FHIR sender's server gives the patient, so that the same sender's later
   * `Patient/<id>` finds them. The sender's latest word on an id is the one that counts.
   */
  async rememberFhirId(
    tenantId: string,
    sender: string,
    fhirId: string,
    patientId: string,
  ): Promise<void> {
    await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query(
        `INSERT INTO patient_fhir_ids (tenant_id, sender, fhir_id, patient_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, sender, fhir_id) DO UPDATE
            SET patient_id = EXCLUDED.patient_id, updated_at = now()
          WHERE patient_fhir_ids.patient_id <> EXCLUDED.patient_id`,
        [tenantId, sender, fhirId, patientId],
      ),
    );
  }

  /** The patient a FHIR sender named with its own Patient id before; no other sender's ids count. */
  findByFhirId(
    tenantId: string,
    sender: string,
    fhirId: string,
  ): Promise<StoredPatient | undefined> {
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const [row] = await tx.query<{ patient_id: string }[]>(
        `SELECT patient_id FROM patient_fhir_ids
          WHERE tenant_id = $1 AND sender = $2 AND fhir_id = $3`,
        [tenantId, sender, fhirId],
      );
      return row ? this.load(tx, tenantId, row.patient_id) : undefined;
    });
  }

  private async keepIn(
    tx: EntityManager,
    tenantId: string,
    demographics: PatientDemographics,
  ): Promise<string> {
    const patientId = await this.keepDemographics(tx, tenantId, demographics);
    if (demographics.coverages?.length) {
      await this.replaceFeedCoverages(tx, tenantId, patientId, demographics.coverages);
    }
    return patientId;
  }

  private async keepDemographics(
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

  /** The feed's coverages of the patient become those named: others updated, the rest removed. */
  private async replaceFeedCoverages(
    tx: EntityManager,
    tenantId: string,
    patientId: string,
    named: readonly PatientCoverage[],
  ): Promise<void> {
    // One row per priority: the first the message names with it.
    const coverages = named.filter(
      (coverage, index) =>
        named.findIndex(({ priority }) => priority === coverage.priority) === index,
    );
    const column = (pick: (coverage: PatientCoverage) => string | undefined) =>
      coverages.map((coverage) => pick(coverage) || null);
    await tx.query(
      `WITH named AS (
         SELECT * FROM unnest($4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
             AS c(priority, payer_id, payer_name, plan_id, plan_type, member_id)),
       dropped AS (
         DELETE FROM patient_coverages
          WHERE tenant_id = $1 AND patient_id = $2 AND source = $3
            AND priority NOT IN (SELECT priority FROM named))
       INSERT INTO patient_coverages
              (tenant_id, patient_id, source, priority, payer_id, payer_name, plan_id, plan_type,
               member_id)
       SELECT $1, $2, $3, priority, payer_id, payer_name, plan_id, plan_type, member_id FROM named
       ON CONFLICT (tenant_id, patient_id, source, priority) DO UPDATE
          SET payer_id = EXCLUDED.payer_id, payer_name = EXCLUDED.payer_name,
              plan_id = EXCLUDED.plan_id, plan_type = EXCLUDED.plan_type,
              member_id = EXCLUDED.member_id, updated_at = now()`,
      [
        tenantId,
        patientId,
        FEED,
        coverages.map((coverage) => coverage.priority),
        column((coverage) => coverage.payerId),
        column((coverage) => coverage.payerName),
        column((coverage) => coverage.planId),
        column((coverage) => coverage.planType),
        column((coverage) => coverage.memberId),
      ],
    );
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
    const coverages = await tx.query<CoverageRow[]>(
      `SELECT priority, payer_id, payer_name, plan_id, plan_type, member_id
         FROM patient_coverages WHERE patient_id = $1 ORDER BY priority, source`,
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
      ...(coverages.length > 0 ? { coverages: coverages.map(toCoverage) } : {}),
    };
  }
}

function toCoverage(row: CoverageRow): PatientCoverage {
  return {
    priority: row.priority,
    ...(row.payer_id ? { payerId: row.payer_id } : {}),
    ...(row.payer_name ? { payerName: row.payer_name } : {}),
    ...(row.plan_id ? { planId: row.plan_id } : {}),
    ...(row.plan_type ? { planType: row.plan_type } : {}),
    ...(row.member_id ? { memberId: row.member_id } : {}),
  };
}
