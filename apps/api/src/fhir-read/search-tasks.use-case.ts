import { Injectable } from '@nestjs/common';
import type { Bundle } from '@medplum/fhirtypes';
import { EpisodeRecords } from './episode-records';
import { episodeTasks } from './episode-tasks';
import type { Served } from './fhir-request';
import { passes } from './fhir-search-specs';
import type { PatientSearch } from './search-params';
import { searchset } from './searchset';

/** The interventions and hand-offs of a patient's episodes in the tenant, as Tasks. */
@Injectable()
export class SearchTasks {
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
      tasks: episodeTasks(record).filter(
        (task) =>
          passes(search.tokens.status, task.status) && passes(search.tokens.intent, task.intent),
      ),
    }));
    return {
      resource: searchset(
        base,
        self,
        matches.flatMap(({ tasks }) => tasks),
      ),
      audit: {
        episodeIds: matches
          .filter(({ tasks }) => tasks.length > 0)
          .map(({ episodeId }) => episodeId),
      },
    };
  }
}
