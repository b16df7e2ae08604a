import { Injectable } from '@nestjs/common';
import type { IntakeMessage } from '@care/intake';
import { PatientRepository } from '@care/patients';
import { ProblemException } from '@care/platform';
import { careEpisodeWorkflowId } from '@care/temporal';
import {
  cancelDischargeSignal,
  cancelReadmissionSignal,
  recordEdRevisitSignal,
  recordEncounterChangeSignal,
  recordReadmissionSignal,
} from '@care/workflows';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { dischargeRequestSchema } from '../discharges/discharge-request.schema';
import { RecordDischarge } from '../discharges/record-discharge.use-case';
import { episodeIdFor } from '../episodes/episode-id';
import { episodeActionOf, type EpisodeAction } from './episode-action';
import { IntakeQueue } from './intake-queue';
import { RecordFeedCoverage } from './record-feed-coverage.use-case';

type WorkflowHandle = ReturnType<Client['workflow']['getHandle']>;

/** What a feed message did: the HL7 ACK and the FHIR answer are made from it. */
export type IntakeOutcome =
  | { effect: 'recorded' | 'unchanged'; patientId?: string; episodeIds: string[] }
  | { effect: 'refused'; reason: string };

const NO_OPEN_EPISODE = 'No open episode for this encounter.';

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
    private readonly queue: IntakeQueue,
    private readonly feedCoverage: RecordFeedCoverage,
  ) {}

  /** Applies the message to its episodes now and answers with what it did. */
  async execute(tenantId: string, { event }: IntakeMessage): Promise<IntakeOutcome> {
    const patientId = await this.patients.keep(tenantId, event.patient);
    const action = episodeActionOf(event);
    if (!action) return { effect: 'recorded', patientId, episodeIds: [] };
    return this.apply(tenantId, patientId, action);
  }

  /**
   * Keeps the patient and queues the message for its episodes, then answers at once: the
   * answer is an acknowledgement that the message is stored. What can already be told to fail
   * (a discharge dated in the future, a cancellation of no discharge) is refused here; the rest
   * is applied by the IntakeDispatcher in arrival order per patient.
   */
  async accept(tenantId: string, { event }: IntakeMessage): Promise<IntakeOutcome> {
    const patientId = await this.patients.keep(tenantId, event.patient);
    const action = episodeActionOf(event);
    if (!action) return { effect: 'recorded', patientId, episodeIds: [] };
    const early = await this.answerBeforeQueueing(tenantId, patientId, action);
    if (early) return early;
    await this.queue.enqueue(tenantId, patientId, action);
    return { effect: 'recorded', patientId, episodeIds: this.episodesNamedBy(tenantId, action) };
  }

  async apply(tenantId: string, patientId: string, action: EpisodeAction): Promise<IntakeOutcome> {
    switch (action.kind) {
      case 'discharge':
        return this.discharge(tenantId, patientId, action);
      case 'admission':
        // Rule 6: an admission of a patient with open episodes is a readmission for each.
        return this.signalOpenEpisodes(tenantId, patientId, (handle) =>
          handle.signal(recordReadmissionSignal, {
            admissionEncounterId: action.encounterId,
            admittedAt: action.admittedAt,
          }),
        );
      case 'admission-cancelled':
        // Rule 6 (A11): episodes that recorded the admission take it back.
        return this.signalOpenEpisodes(tenantId, patientId, (handle) =>
          handle.signal(cancelReadmissionSignal, {
            admissionEncounterId: action.encounterId,
            cancelledAt: action.cancelledAt,
          }),
        );
      case 'emergency-visit':
        // Rule 7: an ED visit of a patient with open episodes is an ED revisit for each.
        return this.signalOpenEpisodes(tenantId, patientId, (handle) =>
          handle.signal(recordEdRevisitSignal, {
            encounterId: action.encounterId,
            arrivedAt: action.arrivedAt,
          }),
        );
      case 'encounter-changed':
        // A06 makes the visit an inpatient stay: an admission, so a readmission too (rule 6).
        return this.signalOpenEpisodes(tenantId, patientId, async (handle) => {
          await handle.signal(recordEncounterChangeSignal, {
            encounterId: action.encounterId,
            change: action.change,
            ...(action.patientClass ? { patientClass: action.patientClass } : {}),
            changedAt: action.changedAt,
          });
          if (action.change === 'to-inpatient') {
            await handle.signal(recordReadmissionSignal, {
              admissionEncounterId: action.encounterId,
              admittedAt: action.changedAt,
            });
          }
        });
      case 'discharge-cancelled':
        return this.cancelDischarge(tenantId, action);
      default: {
        const unknown: never = action;
        throw new Error(`unhandled episode action ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async answerBeforeQueueing(
    tenantId: string,
    patientId: string,
    action: EpisodeAction,
  ): Promise<IntakeOutcome | undefined> {
    switch (action.kind) {
      case 'discharge': {
        const request = this.dischargeRequest(tenantId, patientId, action);
        return request.success ? undefined : { effect: 'refused', reason: request.reason };
      }
      case 'discharge-cancelled': {
        const known =
          (await this.openEpisodes(tenantId, { encounterId: action.encounterId })).length > 0 ||
          (await this.queue.dischargePending(tenantId, action.encounterId));
        return known ? undefined : { effect: 'refused', reason: NO_OPEN_EPISODE };
      }
      case 'admission':
      case 'admission-cancelled':
      case 'emergency-visit':
      case 'encounter-changed': {
        const concerned =
          (await this.openEpisodes(tenantId, { patientId })).length > 0 ||
          (await this.queue.patientPending(tenantId, patientId));
        return concerned ? undefined : { effect: 'unchanged', patientId, episodeIds: [] };
      }
      default: {
        const unknown: never = action;
        throw new Error(`unhandled episode action ${JSON.stringify(unknown)}`);
      }
    }
  }

  private episodesNamedBy(tenantId: string, action: EpisodeAction): string[] {
    return action.kind === 'discharge' || action.kind === 'discharge-cancelled'
      ? [episodeIdFor(tenantId, action.encounterId)]
      : [];
  }

  private dischargeRequest(
    tenantId: string,
    patientId: string,
    action: Extract<EpisodeAction, { kind: 'discharge' }>,
  ) {
    const parsed = dischargeRequestSchema.safeParse({
      tenantId,
      encounterId: action.encounterId,
      patientRef: `Patient/${patientId}`,
      dischargedAt: action.dischargedAt,
    });
    return parsed.success
      ? { success: true as const, request: parsed.data }
      : {
          success: false as const,
          reason: parsed.error.issues
            .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
            .join('; '),
        };
  }

  private async discharge(
    tenantId: string,
    patientId: string,
    action: Extract<EpisodeAction, { kind: 'discharge' }>,
  ): Promise<IntakeOutcome> {
    const request = this.dischargeRequest(tenantId, patientId, action);
    if (!request.success) return { effect: 'refused', reason: request.reason };
    try {
      const outcome = await this.recordDischarge.execute(request.request);
      await this.feedCoverage.execute(
        tenantId,
        patientId,
        outcome.episodeId,
        request.request.dischargedAt,
      );
      return {
        effect: outcome.recorded ? 'recorded' : 'unchanged',
        patientId,
        episodeIds: [outcome.episodeId],
      };
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status >= 500) throw error;
      return { effect: 'refused', reason: error.problem.detail ?? error.problem.title };
    }
  }

  /** Rule 1 (A13): the discharge did not happen, so neither does its episode. */
  private async cancelDischarge(
    tenantId: string,
    action: Extract<EpisodeAction, { kind: 'discharge-cancelled' }>,
  ): Promise<IntakeOutcome> {
    const episodeId = episodeIdFor(tenantId, action.encounterId);
    const delivered = await this.signal(episodeId, (handle) =>
      handle.signal(cancelDischargeSignal, {
        reason: 'discharge cancelled (ADT A13)',
        cancelledAt: action.cancelledAt,
      }),
    );
    return delivered
      ? { effect: 'recorded', episodeIds: [episodeId] }
      : { effect: 'refused', reason: NO_OPEN_EPISODE };
  }

  private async signalOpenEpisodes(
    tenantId: string,
    patientId: string,
    send: (handle: WorkflowHandle) => Promise<void>,
  ): Promise<IntakeOutcome> {
    const signalled: string[] = [];
    for (const episodeId of await this.openEpisodes(tenantId, { patientId })) {
      if (await this.signal(episodeId, send)) signalled.push(episodeId);
    }
    return {
      effect: signalled.length > 0 ? 'recorded' : 'unchanged',
      patientId,
      episodeIds: signalled,
    };
  }

  private async openEpisodes(
    tenantId: string,
    of: { patientId: string } | { encounterId: string },
  ): Promise<string[]> {
    const [condition, value] =
      'patientId' in of
        ? ['patient_ref = $2', `Patient/${of.patientId}`]
        : ['episode_id = $2', episodeIdFor(tenantId, of.encounterId)];
    const rows = await this.dataSource.query<{ episode_id: string }[]>(
      `SELECT episode_id FROM episode_summaries
        WHERE tenant_id = $1 AND ${condition} AND stage NOT IN ('closed', 'cancelled')`,
      [tenantId, value],
    );
    return rows.map((row) => row.episode_id);
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
