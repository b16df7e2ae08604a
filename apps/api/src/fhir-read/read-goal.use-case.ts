import { Injectable } from '@nestjs/common';
import { carePlanOf } from '@care/domain';
import type { Goal } from '@medplum/fhirtypes';
import { EpisodeItemLookup } from './episode-item-lookup';
import { EpisodeRecords } from './episode-records';
import { resourceNotFound } from './fhir-outcome.exception';
import type { Served } from './fhir-request';
import { isFhirId } from './fhir-references';
import { goalResource } from './goal.mapper';

/** One goal of a care plan of the tenant, by the goal's id. */
@Injectable()
export class ReadGoal {
  constructor(
    private readonly lookup: EpisodeItemLookup,
    private readonly records: EpisodeRecords,
  ) {}

  async execute(tenantId: string, goalId: string): Promise<Served<Goal>> {
    const episodeId = isFhirId(goalId)
      ? await this.lookup.goalEpisode(goalId, tenantId)
      : undefined;
    const record = episodeId ? await this.records.load(episodeId, tenantId) : undefined;
    const goal = record && carePlanOf(record.episode).goals.find((item) => item.goalId === goalId);
    if (!record || !goal) throw resourceNotFound('Goal');
    return {
      resource: goalResource(record, goal),
      audit: { episodeIds: [record.episode.episodeId] },
    };
  }
}
