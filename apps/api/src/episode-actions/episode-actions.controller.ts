import { Controller } from '@nestjs/common';
import { Roles } from '@care/auth';
import type { ContactPreferences } from '@care/domain';
import {
  acceptHandoffUpdate,
  addCarePlanGoalUpdate,
  addCarePlanInterventionUpdate,
  addCarePlanProblemUpdate,
  applyCarePlanTemplateUpdate,
  approvePlanUpdate,
  changeGoalStatusUpdate,
  changeInterventionStatusUpdate,
  completeHandoffUpdate,
  declineHandoffUpdate,
  recordAssessmentUpdate,
  recordContactAttemptUpdate,
  recordContactPreferencesUpdate,
  recordCoverageUpdate,
  recordFaceToFaceVisitUpdate,
  recordMedicationReconciliationUpdate,
  recordNeedsAssessmentUpdate,
  requestHandoffUpdate,
  reviseCarePlanGoalUpdate,
  reviseCarePlanInterventionUpdate,
  reviseCarePlanProblemUpdate,
} from '@care/workflows';
import {
  assessmentRequest,
  contactAttemptRequest,
  contactPreferencesRequest,
  coverageRequest,
  documentedFactRequest,
  goalIdParam,
  goalRequest,
  goalRevisionRequest,
  goalStatusRequest,
  handoffDeclineRequest,
  handoffIdParam,
  handoffRequest,
  handoffStepRequest,
  interventionIdParam,
  interventionRequest,
  interventionRevisionRequest,
  interventionStatusRequest,
  needsAssessmentRequest,
  planApprovalRequest,
  problemIdParam,
  problemRequest,
  problemRevisionRequest,
  templateApplicationRequest,
} from './episode-action-requests';
import {
  declareEpisodeActions,
  episodeAction,
  type EpisodeActionStores,
} from './episode-action-route';
import { KeepPatientDetails } from './keep-patient-details.use-case';
import { RunEpisodeUpdate } from './run-episode-update.use-case';

const handoffParams = { handoffId: handoffIdParam };
const problemParams = { problemId: problemIdParam };
const goalParams = { goalId: goalIdParam };
const interventionParams = { interventionId: interventionIdParam };

/** A revision's fields, apart from when and why. */
const revised = <Body extends { at: string; reason?: string }>({ at, reason, ...changes }: Body) =>
  ({ at, ...(reason ? { reason } : {}), changes }) as const;

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
    params: handoffParams,
    body: handoffStepRequest,
    audit: { action: 'episode.accept-handoff', fields: ['handoff'] },
    update: acceptHandoffUpdate,
    args: (body, { params }) => ({ ...body, handoffId: params.handoffId }),
  }),
  declineHandoff: episodeAction({
    path: 'handoffs/:handoffId/decline',
    params: handoffParams,
    body: handoffDeclineRequest,
    audit: { action: 'episode.decline-handoff', fields: ['handoff'] },
    update: declineHandoffUpdate,
    args: (body, { params }) => ({ ...body, handoffId: params.handoffId }),
  }),
  completeHandoff: episodeAction({
    path: 'handoffs/:handoffId/complete',
    params: handoffParams,
    body: handoffStepRequest,
    audit: { action: 'episode.complete-handoff', fields: ['handoff'] },
    update: completeHandoffUpdate,
    args: (body, { params }) => ({ ...body, handoffId: params.handoffId }),
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
  recordNeedsAssessment: episodeAction({
    path: 'needs-assessment',
    body: needsAssessmentRequest,
    audit: {
      action: 'episode.record-needs-assessment',
      fields: [
        'hrsnAnswers',
        'functionalStatus',
        'caregiver',
        'preferredLanguage',
        'interpreterNeeded',
        'healthLiteracy',
      ],
    },
    update: recordNeedsAssessmentUpdate,
    // The caregiver's name and phone go to the patients store; the episode gets a reference.
    before: async ({ caregiver }, { tenantId }, episode, { patientDetails }) =>
      caregiver ? patientDetails.keepCaregiver(tenantId, episode, caregiver) : undefined,
    args: ({ caregiver, ...body }, { subject }, caregiverRef: string | undefined) => ({
      ...body,
      assessedBy: subject,
      ...(caregiver && caregiverRef
        ? { caregiver: { relationship: caregiver.relationship, caregiverRef } }
        : {}),
    }),
  }),
  applyCarePlanTemplate: episodeAction({
    path: 'care-plan/template-applications',
    body: templateApplicationRequest,
    audit: { action: 'episode.apply-care-plan-template', fields: ['templateId', 'reason'] },
    update: applyCarePlanTemplateUpdate,
    args: (body, { subject }) => ({ ...body, appliedBy: subject }),
  }),
  addCarePlanProblem: episodeAction({
    path: 'care-plan/problems',
    body: problemRequest,
    audit: {
      action: 'episode.add-care-plan-problem',
      fields: ['source', 'code', 'description', 'reason'],
    },
    update: addCarePlanProblemUpdate,
    args: ({ at, reason, ...problem }, { subject }) => ({
      at,
      addedBy: subject,
      ...(reason ? { reason } : {}),
      problem,
    }),
  }),
  reviseCarePlanProblem: episodeAction({
    path: 'care-plan/problems/:problemId/revisions',
    params: problemParams,
    body: problemRevisionRequest,
    audit: {
      action: 'episode.revise-care-plan-problem',
      fields: ['code', 'description', 'reason'],
    },
    update: reviseCarePlanProblemUpdate,
    args: (body, { subject, params }) => ({
      ...revised(body),
      revisedBy: subject,
      problemId: params.problemId,
    }),
  }),
  addCarePlanGoal: episodeAction({
    path: 'care-plan/goals',
    body: goalRequest,
    audit: {
      action: 'episode.add-care-plan-goal',
      fields: ['problemId', 'description', 'targetDate', 'reason'],
    },
    update: addCarePlanGoalUpdate,
    args: ({ at, reason, ...goal }, { subject }) => ({
      at,
      addedBy: subject,
      ...(reason ? { reason } : {}),
      goal,
    }),
  }),
  reviseCarePlanGoal: episodeAction({
    path: 'care-plan/goals/:goalId/revisions',
    params: goalParams,
    body: goalRevisionRequest,
    audit: {
      action: 'episode.revise-care-plan-goal',
      fields: ['description', 'targetDate', 'reason'],
    },
    update: reviseCarePlanGoalUpdate,
    args: (body, { subject, params }) => ({
      ...revised(body),
      revisedBy: subject,
      goalId: params.goalId,
    }),
  }),
  changeGoalStatus: episodeAction({
    path: 'care-plan/goals/:goalId/status',
    params: goalParams,
    body: goalStatusRequest,
    audit: { action: 'episode.change-goal-status', fields: ['status', 'reason'] },
    update: changeGoalStatusUpdate,
    args: (body, { subject, params }) => ({ ...body, changedBy: subject, goalId: params.goalId }),
  }),
  addCarePlanIntervention: episodeAction({
    path: 'care-plan/interventions',
    body: interventionRequest,
    audit: {
      action: 'episode.add-care-plan-intervention',
      fields: ['goalId', 'description', 'owner', 'dueAt', 'reason'],
    },
    update: addCarePlanInterventionUpdate,
    args: ({ at, reason, ...intervention }, { subject }) => ({
      at,
      addedBy: subject,
      ...(reason ? { reason } : {}),
      intervention,
    }),
  }),
  reviseCarePlanIntervention: episodeAction({
    path: 'care-plan/interventions/:interventionId/revisions',
    params: interventionParams,
    body: interventionRevisionRequest,
    audit: {
      action: 'episode.revise-care-plan-intervention',
      fields: ['description', 'owner', 'dueAt', 'reason'],
    },
    update: reviseCarePlanInterventionUpdate,
    args: (body, { subject, params }) => ({
      ...revised(body),
      revisedBy: subject,
      interventionId: params.interventionId,
    }),
  }),
  changeInterventionStatus: episodeAction({
    path: 'care-plan/interventions/:interventionId/status',
    params: interventionParams,
    body: interventionStatusRequest,
    audit: { action: 'episode.change-intervention-status', fields: ['status', 'reason'] },
    update: changeInterventionStatusUpdate,
    args: (body, { subject, params }) => ({
      ...body,
      changedBy: subject,
      interventionId: params.interventionId,
    }),
  }),
  recordCoverage: episodeAction({
    path: 'coverage',
    body: coverageRequest,
    audit: {
      action: 'episode.record-coverage',
      fields: ['payerClass', 'payerName', 'planType', 'memberId'],
    },
    update: recordCoverageUpdate,
    // Payer name and member id go to the patients store; the episode gets a reference.
    before: ({ payerName, planType, memberId }, { tenantId }, episode, { patientDetails }) =>
      patientDetails.enterCoverage(tenantId, episode, {
        payerName,
        ...(planType ? { planType } : {}),
        ...(memberId ? { memberId } : {}),
      }),
    args: ({ at, payerClass, planType }, { subject }, coverageRef: string) => ({
      at,
      payerClass,
      ...(planType ? { planType } : {}),
      coverageRef,
      source: 'coordinator' as const,
      recordedBy: subject,
    }),
  }),
  recordContactPreferences: episodeAction({
    path: 'contact-preferences',
    body: contactPreferencesRequest,
    audit: {
      action: 'episode.record-contact-preferences',
      fields: ['phones', 'emails', 'preferredChannels', 'contactWindows', 'consent'],
    },
    update: recordContactPreferencesUpdate,
    // Phones and emails go to the patients store (replacing the earlier ones) when given.
    before: async ({ phones, emails }, { tenantId }, episode, { patientDetails }) =>
      phones || emails
        ? patientDetails.setContactDetails(tenantId, episode, {
            phones: phones ?? [],
            emails: emails ?? [],
          })
        : undefined,
    args: ({ at, preferredChannels, contactWindows, consent }, { subject }, contactRef) => ({
      at,
      recordedBy: subject,
      ...(contactRef ? { contactRef } : {}),
      preferredChannels,
      contactWindows,
      // The rules refuse an undocumented refusal by name (contact-consent), so it is passed on.
      consent: consent as ContactPreferences['consent'],
    }),
  }),
};

/**
 * The care team's actions on an episode (COORDINATOR_ACTIONS), each one update of its workflow.
 * The answer carries the episode's new state; a step the rules forbid is 409 naming the rule.
 */
@Controller({ path: 'episodes/:episodeId', version: '1' })
@Roles('coordinator', 'admin')
export class EpisodeActionsController {
  readonly stores: EpisodeActionStores;

  constructor(
    readonly run: RunEpisodeUpdate,
    patientDetails: KeepPatientDetails,
  ) {
    this.stores = { patientDetails };
  }
}

declareEpisodeActions(EpisodeActionsController, COORDINATOR_ACTIONS);
