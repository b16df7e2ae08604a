import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import {
  addCarePlanGoal,
  addCarePlanIntervention,
  addCarePlanProblem,
  reviseCarePlanGoal,
  reviseCarePlanIntervention,
  reviseCarePlanProblem,
} from './decide-care-plan';
import { changeGoalStatus, changeInterventionStatus } from './decide-care-plan-status';
import { applyCarePlanTemplate } from './decide-care-plan-template';
import { cancelDischarge, cancelEpisode, closeEpisode, evaluateStuck } from './decide-closure';
import { recordContactPreferences } from './decide-contact-preferences';
import { recordCoverage } from './decide-coverage';
import {
  recordContactAttempt,
  recordFaceToFaceVisit,
  recordMedicationReconciliation,
  cancelReadmission,
  recordReadmission,
  replanFollowUpAfterReadmission,
} from './decide-follow-up';
import {
  acceptHandoff,
  applyLadderStep,
  completeHandoff,
  declineHandoff,
  reassignHandoff,
  requestHandoff,
} from './decide-handoff';
import {
  recordEdRevisit,
  recordEncounterChange,
  replanFollowUpAfterRiskTierRaised,
} from './decide-encounter';
import { escalateEpisode, retryFailingStep } from './decide-ops-action';
import { approvePlan, recordAssessment, recordDischarge, startTcmClocks } from './decide-intake';
import { recordNeedsAssessment } from './decide-needs';

export { READMISSION_WINDOW_DAYS } from './decide-follow-up';
export { ED_REVISIT_WINDOW_DAYS } from './decide-encounter';

/**
 * Decides which events a command produces, or throws a DomainRuleViolation naming the rule
 * that forbids it. An empty array means the command is already reflected in the state, so
 * retries and duplicate feeds are harmless.
 */
export function decide(command: CareEpisodeCommand, state: CareEpisodeState): CareEpisodeEvent[] {
  switch (command.type) {
    case 'RecordDischarge':
      return recordDischarge(command, state);
    case 'StartTcmClocks':
      return startTcmClocks(command, state);
    case 'RecordAssessment':
      return recordAssessment(command, state);
    case 'ApprovePlan':
      return approvePlan(command, state);
    case 'RequestHandoff':
      return requestHandoff(command, state);
    case 'AcceptHandoff':
      return acceptHandoff(command, state);
    case 'DeclineHandoff':
      return declineHandoff(command, state);
    case 'CompleteHandoff':
      return completeHandoff(command, state);
    case 'ApplyLadderStep':
      return applyLadderStep(command, state);
    case 'RecordContactAttempt':
      return recordContactAttempt(command, state);
    case 'RecordFaceToFaceVisit':
      return recordFaceToFaceVisit(command, state);
    case 'RecordMedicationReconciliation':
      return recordMedicationReconciliation(command, state);
    case 'RecordReadmission':
      return recordReadmission(command, state);
    case 'CancelReadmission':
      return cancelReadmission(command, state);
    case 'ReplanFollowUpAfterReadmission':
      return replanFollowUpAfterReadmission(command, state);
    case 'RecordEdRevisit':
      return recordEdRevisit(command, state);
    case 'ReplanFollowUpAfterRiskTierRaised':
      return replanFollowUpAfterRiskTierRaised(command, state);
    case 'RecordEncounterChange':
      return recordEncounterChange(command, state);
    case 'EvaluateStuck':
      return evaluateStuck(command, state);
    case 'CloseEpisode':
      return closeEpisode(command, state);
    case 'CancelDischarge':
      return cancelDischarge(command, state);
    case 'EscalateEpisode':
      return escalateEpisode(command, state);
    case 'ReassignHandoff':
      return reassignHandoff(command, state);
    case 'RetryFailingStep':
      return retryFailingStep(command, state);
    case 'CancelEpisode':
      return cancelEpisode(command, state);
    case 'RecordNeedsAssessment':
      return recordNeedsAssessment(command, state);
    case 'AddCarePlanProblem':
      return addCarePlanProblem(command, state);
    case 'AddCarePlanGoal':
      return addCarePlanGoal(command, state);
    case 'AddCarePlanIntervention':
      return addCarePlanIntervention(command, state);
    case 'ReviseCarePlanProblem':
      return reviseCarePlanProblem(command, state);
    case 'ReviseCarePlanGoal':
      return reviseCarePlanGoal(command, state);
    case 'ReviseCarePlanIntervention':
      return reviseCarePlanIntervention(command, state);
    case 'ChangeInterventionStatus':
      return changeInterventionStatus(command, state);
    case 'ChangeGoalStatus':
      return changeGoalStatus(command, state);
    case 'ApplyCarePlanTemplate':
      return applyCarePlanTemplate(command, state);
    case 'RecordCoverage':
      return recordCoverage(command, state);
    case 'RecordContactPreferences':
      return recordContactPreferences(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}
