import { Injectable, Logger } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { careEpisodeWorkflowId } from '@care/temporal';
import { recordCoverageUpdate } from '@care/workflows';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { coverageRef } from '../episodes/patient-store-refs';
import { payerClassOf } from './payer-class';

interface FeedCoverageRow {
  priority: number;
  payer_name: string | null;
  plan_id: string | null;
  plan_type: string | null;
}

/**
 * Rule 5: the primary coverage a hospital feed named for the patient (HL7 IN1) goes on the
 * episode its discharge opened, as a payer class, the plan type and a reference to the row; the
 * member id and payer name stay in the patients store. Dated at the discharge, so a repeated
 * discharge records nothing twice.
 */
@Injectable()
export class RecordFeedCoverage {
  private readonly logger = new Logger(RecordFeedCoverage.name);

  constructor(
    private readonly temporal: Client,
    private readonly dataSource: DataSource,
  ) {}

  async execute(
    tenantId: string,
    patientId: string,
    episodeId: string,
    dischargedAt: string,
  ): Promise<void> {
    const [primary] = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<FeedCoverageRow[]>(
        `SELECT priority, payer_name, plan_id, plan_type FROM patient_coverages
          WHERE tenant_id = $1 AND patient_id = $2 AND source = 'feed'
          ORDER BY priority LIMIT 1`,
        [tenantId, patientId],
      ),
    );
    if (!primary) return;
    const planType = primary.plan_type ?? undefined;
    try {
      await this.temporal.workflow
        .getHandle(careEpisodeWorkflowId(episodeId))
        .executeUpdate(recordCoverageUpdate, {
          args: [
            {
              at: dischargedAt,
              payerClass: payerClassOf({
                planType,
                payerName: primary.payer_name ?? undefined,
                planId: primary.plan_id ?? undefined,
              }),
              ...(planType ? { planType } : {}),
              coverageRef: coverageRef(patientId, 'feed', primary.priority),
              source: 'feed',
            },
          ],
        });
    } catch (error) {
      // An episode that ended, or rules that refuse the coverage, leave the discharge as it is.
      if (error instanceof WorkflowNotFoundError) return;
      if (error instanceof WorkflowUpdateFailedError) {
        this.logger.warn(`feed coverage of episode ${episodeId} not recorded: ${error.message}`);
        return;
      }
      throw error;
    }
  }
}
