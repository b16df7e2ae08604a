import type { CareEpisodeStage } from '@care/domain';
import type { CarePlan } from '@medplum/fhirtypes';

/**
 * The plan's FHIR status from the episode: a draft until approved, active while the episode
 * runs, completed when its service period closed it, revoked when it was cancelled (or closed
 * with the plan never approved).
 */
export function carePlanStatus(stage: CareEpisodeStage, approved: boolean): CarePlan['status'] {
  if (stage === 'cancelled') return 'revoked';
  if (stage === 'closed') return approved ? 'completed' : 'revoked';
  return approved ? 'active' : 'draft';
}
