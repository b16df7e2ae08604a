import { Injectable } from '@nestjs/common';
import type { CarePlan } from '@medplum/fhirtypes';
import { carePlanResource } from './care-plan.mapper';
import { EpisodeRecords } from './episode-records';
import { resourceNotFound } from './fhir-outcome.exception';
import type { Served } from './fhir-request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The care plan of one of the tenant's episodes; its id is the episode's. */
@Injectable()
export class ReadCarePlan {
  constructor(private readonly records: EpisodeRecords) {}

  async execute(tenantId: string, id: string): Promise<Served<CarePlan>> {
    const record = UUID.test(id) ? await this.records.load(id, tenantId) : undefined;
    if (!record) throw resourceNotFound('CarePlan');
    return { resource: carePlanResource(record), audit: { episodeIds: [id] } };
  }
}
