import { contactsMeetRequirement } from '../tcm/tcm-outcome';
import type { OpenCareEpisode } from './care-episode-state';

/**
 * Rule 2 as far as the recorded contacts go: the patient was reached, or two or more distinct
 * attempts are documented. The one test of "the contact is done" for deadlines and stuck rules;
 * whether the contacts were also timely is for the TCM outcome (contactRequirementMet) to judge.
 */
export const contactRequirementMetSoFar = (state: OpenCareEpisode): boolean =>
  contactsMeetRequirement(state.contacts);
