import {
  carePlanOf,
  type CarePlanIntervention,
  type Handoff,
  type OpenCareEpisode,
} from '@care/domain';

/** The plan intervention a hand-off carries out, when it carries one out. */
export const interventionOfHandoff = (
  episode: OpenCareEpisode,
  handoff: Handoff,
): CarePlanIntervention | undefined =>
  carePlanOf(episode).interventions.find(
    (intervention) =>
      intervention.interventionId === handoff.interventionId ||
      (intervention.handoffId !== undefined && intervention.handoffId === handoff.handoffId),
  );

/** The hand-off that carries out an intervention, once it is requested. */
export const handoffOfIntervention = (
  episode: OpenCareEpisode,
  intervention: CarePlanIntervention,
): Handoff | undefined =>
  episode.handoffs.find(
    (handoff) =>
      handoff.interventionId === intervention.interventionId ||
      (intervention.handoffId !== undefined && handoff.handoffId === intervention.handoffId),
  );

/** Hand-offs requested on their own (by kind at the approval, or by a coordinator). */
export const standaloneHandoffs = (episode: OpenCareEpisode): Handoff[] =>
  episode.handoffs.filter((handoff) => interventionOfHandoff(episode, handoff) === undefined);
