import { Injectable } from '@nestjs/common';
import type { Bundle } from '@medplum/fhirtypes';
import { carePlanResource } from './care-plan.mapper';
import { EpisodeRecords } from './episode-records';
import type { Served } from './fhir-request';
import { passes } from './fhir-search-specs';
import type { PatientSearch } from './search-params';
import { searchset } from './searchset';

/** The care plans of a patient's episodes in the tenant: one per episode, latest first. */
@Injectable()
export class SearchCarePlans {
  constructor(private readonly records: EpisodeRecords) {}

  async execute(
    tenantId: string,
    search: PatientSearch,
    base: string,
    self: string,
  ): Promise<Served<Bundle>> {
    const records = await this.records.ofPatient(search.patientId, tenantId);
    const plans = records
      .map(carePlanResource)
      .filter((plan) => passes(search.tokens.status, plan.status));
    return {
      resource: searchset(base, self, plans),
      audit: { episodeIds: plans.map((plan) => plan.id!) },
    };
  }
}
