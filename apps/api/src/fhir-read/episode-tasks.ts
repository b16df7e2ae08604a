import { carePlanOf } from '@care/domain';
import type { Task } from '@medplum/fhirtypes';
import type { EpisodeRecord } from './episode-record';
import { handoffTask } from './handoff-task.mapper';
import { interventionTask } from './intervention-task.mapper';

/** Every Task of an episode: its plan's interventions, then its hand-offs. */
export const episodeTasks = (record: EpisodeRecord): Task[] => [
  ...carePlanOf(record.episode).interventions.map((item) => interventionTask(record, item)),
  ...record.episode.handoffs.map((handoff) => handoffTask(record, handoff)),
];

/** The Task with this id: an intervention's or a hand-off's. */
export function episodeTask(record: EpisodeRecord, taskId: string): Task | undefined {
  const intervention = carePlanOf(record.episode).interventions.find(
    ({ interventionId }) => interventionId === taskId,
  );
  if (intervention) return interventionTask(record, intervention);
  const handoff = record.episode.handoffs.find(({ handoffId }) => handoffId === taskId);
  return handoff ? handoffTask(record, handoff) : undefined;
}
