import { Controller } from '@nestjs/common';
import { Roles } from '@care/auth';
import {
  acceptHandoffUpdate,
  approvePlanUpdate,
  completeHandoffUpdate,
  declineHandoffUpdate,
  recordAssessmentUpdate,
  recordContactAttemptUpdate,
  recordFaceToFaceVisitUpdate,
  recordMedicationReconciliationUpdate,
  requestHandoffUpdate,
} from '@care/workflows';
import {
  assessmentRequest,
  contactAttemptRequest,
  documentedFactRequest,
  handoffDeclineRequest,
  handoffRequest,
  handoffStepRequest,
  planApprovalRequest,
} from './episode-action-requests';
import { declareEpisodeActions, episodeAction } from './episode-action-route';
import { RunEpisodeUpdate } from './run-episode-update.use-case';

/** The care team's actions on an episode, each one update of its workflow. */
export const COORDINATOR_ACTIONS = {
  assess: episodeAction({
    path: 'assessment',
    body: assessmentRequest,
    audit: { action: 'episode.assess', fields: ['lace', 'complexity'] },
    update: recordAssessmentUpdate,
    args: (body, { subject }) => ({ ...body, assessedBy: subject }),
  }),
  approvePlan: episodeAction({
    path: 'plan-approval',
    body: planApprovalRequest,
    audit: { action: 'episode.approve-plan', fields: ['handoffKinds'] },
    update: approvePlanUpdate,
    args: (body, { subject }) => ({ ...body, approvedBy: subject }),
  }),
  requestHandoff: episodeAction({
    path: 'handoffs',
    body: handoffRequest,
    audit: { action: 'episode.request-handoff', fields: ['handoff'] },
    update: requestHandoffUpdate,
    args: (body) => body,
  }),
  acceptHandoff: episodeAction({
    path: 'handoffs/:handoffId/accept',
    body: handoffStepRequest,
    audit: { action: 'episode.accept-handoff', fields: ['handoff'] },
    update: acceptHandoffUpdate,
    args: (body, { handoffId }) => ({ ...body, handoffId }),
  }),
  declineHandoff: episodeAction({
    path: 'handoffs/:handoffId/decline',
    body: handoffDeclineRequest,
    audit: { action: 'episode.decline-handoff', fields: ['handoff'] },
    update: declineHandoffUpdate,
    args: (body, { handoffId }) => ({ ...body, handoffId }),
  }),
  completeHandoff: episodeAction({
    path: 'handoffs/:handoffId/complete',
    body: handoffStepRequest,
    audit: { action: 'episode.complete-handoff', fields: ['handoff'] },
    update: completeHandoffUpdate,
    args: (body, { handoffId }) => ({ ...body, handoffId }),
  }),
  recordContact: episodeAction({
    path: 'contact-attempts',
    body: contactAttemptRequest,
    audit: { action: 'episode.record-contact', fields: ['contact'] },
    update: recordContactAttemptUpdate,
    args: (body, { subject }) => ({ ...body, attemptedBy: subject }),
  }),
  recordVisit: episodeAction({
    path: 'visits',
    body: documentedFactRequest,
    audit: { action: 'episode.record-visit', fields: ['visit'] },
    update: recordFaceToFaceVisitUpdate,
    args: (body, { subject }) => ({ ...body, recordedBy: subject }),
  }),
  reconcileMedications: episodeAction({
    path: 'medication-reconciliations',
    body: documentedFactRequest,
    audit: { action: 'episode.reconcile-medications', fields: ['medication-reconciliation'] },
    update: recordMedicationReconciliationUpdate,
    args: (body, { subject }) => ({ ...body, reconciledBy: subject }),
  }),
};

/**
 * The care team's actions on an episode (COORDINATOR_ACTIONS), each one update of its workflow.
 * The answer carries the episode's new state; a step the rules forbid is 409 naming the rule.
 */
@Controller({ path: 'episodes/:episodeId', version: '1' })
@Roles('coordinator', 'admin')
export class EpisodeActionsController {
  constructor(readonly run: RunEpisodeUpdate) {}
}

declareEpisodeActions(EpisodeActionsController, COORDINATOR_ACTIONS);
