import { Injectable } from '@nestjs/common';
import type { Task } from '@medplum/fhirtypes';
import { EpisodeItemLookup } from './episode-item-lookup';
import { EpisodeRecords } from './episode-records';
import { episodeTask } from './episode-tasks';
import { resourceNotFound } from './fhir-outcome.exception';
import type { Served } from './fhir-request';
import { isFhirId } from './fhir-references';

/** One intervention or hand-off of the tenant as a Task, by its id. */
@Injectable()
export class ReadTask {
  constructor(
    private readonly lookup: EpisodeItemLookup,
    private readonly records: EpisodeRecords,
  ) {}

  async execute(tenantId: string, taskId: string): Promise<Served<Task>> {
    const episodeId = isFhirId(taskId)
      ? await this.lookup.taskEpisode(taskId, tenantId)
      : undefined;
    const record = episodeId ? await this.records.load(episodeId, tenantId) : undefined;
    const task = record && episodeTask(record, taskId);
    if (!record || !task) throw resourceNotFound('Task');
    return { resource: task, audit: { episodeIds: [record.episode.episodeId] } };
  }
}
