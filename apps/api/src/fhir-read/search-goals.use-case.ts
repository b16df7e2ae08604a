import { Injectable } from '@nestjs/common';
import { carePlanOf } from '@care/domain';
import type { Bundle } from '@medplum/fhirtypes';
import { EpisodeRecords } from './episode-records';
import type { Served } from './fhir-request';
import { passes } from './fhir-search-specs';
import { goalResource } from './goal.mapper';
import type { PatientSearch } from './search-params';
import { searchset } from './searchset';

/** The goals of the care plans of a patient's episodes in the tenant. */
@Injectable()
export class SearchGoals {
  constructor(private readonly records: EpisodeRecords) {}

  async execute(
    tenantId: string,
    search: PatientSearch,
    base: string,
    self: string,
  ): Promise<Served<Bundle>> {
    const records = await this.records.ofPatient(search.patientId, tenantId);
    const matches = records.map((record) => ({
      episodeId: record.episode.episodeId,
      goals: carePlanOf(record.episode)
        .goals.map((goal) => goalResource(record, goal))
        .filter((goal) => passes(search.tokens['lifecycle-status'], goal.lifecycleStatus)),
    }));
    return {
      resource: searchset(
        base,
        self,
        matches.flatMap(({ goals }) => goals),
      ),
      audit: {
        episodeIds: matches
          .filter(({ goals }) => goals.length > 0)
          .map(({ episodeId }) => episodeId),
      },
    };
  }
}
