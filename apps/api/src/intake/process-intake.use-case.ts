import { Injectable } from '@nestjs/common';
import type { IntakeEvent, IntakeMessage, PatientDemographics } from '@care/intake';
import { PatientRepository } from '@care/patients';
import { ProblemException } from '@care/platform';
import { careEpisodeWorkflowId } from '@care/temporal';
import {
  cancelDischargeSignal,
  cancelReadmissionSignal,
  recordReadmissionSignal,
} from '@care/workflows';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { RecordDischarge } from '../discharges/record-discharge.use-case';
import { episodeIdFor } from '../episodes/episode-id';

type WorkflowHandle = ReturnType<Client['workflow']['getHandle']>;

/** What a feed message did: the HL7 ACK and the FHIR answer are made from it. */
export type IntakeOutcome =
  | { effect: 'recorded' | 'unchanged'; patientId?: string; episodeIds: string[] }
  | { effect: 'refused'; reason: string };

/**
 * Acts on what a hospital feed says happened, whatever it arrived as. Patients are kept by
 * their identifiers; workflows only ever see the internal patient id, never a name or MRN.
 */
@Injectable()
export class ProcessIntake {
  constructor(
    private readonly temporal: Client,
    private readonly recordDischarge: RecordDischarge,
    private readonly patients: PatientRepository,
    private readonly dataSource: DataSource,
  ) {}

  async execute(tenantId: string, { event }: IntakeMessage): Promise<IntakeOutcome> {
    switch (event.kind) {
      case 'discharge':
        return this.discharge(tenantId, event);
      case 'admission':
        return this.admission(tenantId, event);
      case 'demographics-updated': {
        const { patientId } = await this.patients.upsert(tenantId, event.patient);
        return { effect: 'recorded', patientId, episodeIds: [] };
      }
      case 'discharge-cancelled':
        return this.cancelDischarge(tenantId, event);
      case 'admission-cancelled':
        return this.cancelAdmission(tenantId, event);
      default: {
        const unknown: never = event;
        throw new Error(`unhandled intake event ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async discharge(
    tenantId: string,
    event: Extract<IntakeEvent, { kind: 'discharge' }>,
  ): Promise<IntakeOutcome> {
    const { patientId } = await this.patients.upsert(tenantId, event.patient);
    try {
      const outcome = await this.recordDischarge.execute({
        tenantId,
        encounterId: event.encounterId,
        patientRef: `Patient/${patientId}`,
        dischargedAt: event.dischargedAt,
      });
      return {
        effect: outcome.recorded ? 'recorded' : 'unchanged',
        patientId,
        episodeIds: [outcome.episodeId],
      };
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      return { effect: 'refused', reason: error.problem.detail ?? error.problem.title };
    }
  }

  /** Rule 6: an admission of a patient with open episodes is a readmission for each of them. */
  private admission(
    tenantId: string,
    event: Extract<IntakeEvent, { kind: 'admission' }>,
  ): Promise<IntakeOutcome> {
    return this.signalOpenEpisodes(tenantId, event.patient, (handle) =>
      handle.signal(recordReadmissionSignal, {
        admissionEncounterId: event.encounterId,
        admittedAt: event.admittedAt,
      }),
    );
  }

  /** Rule 6 (A11): the admission did not happen; episodes that recorded it take it back. */
  private cancelAdmission(
    tenantId: string,
    event: Extract<IntakeEvent, { kind: 'admission-cancelled' }>,
  ): Promise<IntakeOutcome> {
    return this.signalOpenEpisodes(tenantId, event.patient, (handle) =>
      handle.signal(cancelReadmissionSignal, {
        admissionEncounterId: event.encounterId,
        cancelledAt: event.cancelledAt,
      }),
    );
  }

  private async signalOpenEpisodes(
    tenantId: string,
    patient: PatientDemographics,
    send: (handle: WorkflowHandle) => Promise<void>,
  ): Promise<IntakeOutcome> {
    const { patientId } = await this.patients.upsert(tenantId, patient);
    const open = await this.dataSource.query<{ episode_id: string }[]>(
      `SELECT episode_id FROM episode_summaries
        WHERE tenant_id = $1 AND patient_ref = $2 AND stage NOT IN ('closed', 'cancelled')`,
      [tenantId, `Patient/${patientId}`],
    );
    const signalled: string[] = [];
    for (const { episode_id: episodeId } of open) {
      if (await this.signal(episodeId, send)) signalled.push(episodeId);
    }
    return {
      effect: signalled.length > 0 ? 'recorded' : 'unchanged',
      patientId,
      episodeIds: signalled,
    };
  }

  /** Rule 1 (A13): the discharge did not happen, so neither does its episode. */
  private async cancelDischarge(
    tenantId: string,
    event: Extract<IntakeEvent, { kind: 'discharge-cancelled' }>,
  ): Promise<IntakeOutcome> {
    const episodeId = episodeIdFor(tenantId, event.encounterId);
    const delivered = await this.signal(episodeId, (handle) =>
      handle.signal(cancelDischargeSignal, {
        reason: 'discharge cancelled (ADT A13)',
        cancelledAt: event.cancelledAt,
      }),
    );
    return delivered
      ? { effect: 'recorded', episodeIds: [episodeId] }
      : { effect: 'refused', reason: 'No open episode for this encounter.' };
  }

  private async signal(
    episodeId: string,
    send: (handle: WorkflowHandle) => Promise<void>,
  ): Promise<boolean> {
    try {
      await send(this.temporal.workflow.getHandle(careEpisodeWorkflowId(episodeId)));
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
}
