import {
  ApplicationFailure,
  condition,
  log,
  patched,
  setHandler,
  uuid4,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  carePlanOf,
  decide,
  DomainRuleViolation,
  templateIds,
  tenantPlanTemplates,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type CareEpisodeState,
  type PlanTemplate,
  type TenantPolicy,
} from '@care/domain';
import {
  acceptHandoffUpdate,
  addCarePlanGoalUpdate,
  addCarePlanInterventionUpdate,
  addCarePlanProblemUpdate,
  applyCarePlanTemplateUpdate,
  approvePlanUpdate,
  changeGoalStatusUpdate,
  changeInterventionStatusUpdate,
  cancelDischargeSignal,
  cancelEpisodeUpdate,
  cancelReadmissionSignal,
  completeHandoffUpdate,
  declineHandoffUpdate,
  escalateEpisodeUpdate,
  handoffLadderStepSignal,
  reassignHandoffUpdate,
  recordAssessmentUpdate,
  recordContactAttemptUpdate,
  recordContactPreferencesUpdate,
  recordCoverageUpdate,
  recordDischargeUpdate,
  recordEdRevisitSignal,
  recordEncounterChangeSignal,
  recordFaceToFaceVisitUpdate,
  recordMedicationReconciliationUpdate,
  recordNeedsAssessmentUpdate,
  recordReadmissionSignal,
  requestHandoffUpdate,
  retryFailingStepUpdate,
  reviseCarePlanGoalUpdate,
  reviseCarePlanInterventionUpdate,
  reviseCarePlanProblemUpdate,
  STEP_FAILED_AGAIN,
  type CarePlanItemOutcome,
  type DischargeDetails,
  type EpisodeUpdateOutcome,
  type OpsAction,
} from './care-episode.messages';
import type { EpisodeRecorder } from './episode-recorder';

/** Coordinators document facts after the event, never ahead of the episode's clock. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Rule 6, from release 0.2: a recorded readmission replans the follow-up as high risk. Episodes
 * whose history predates the change keep the plan they had.
 */
export const READMISSION_REPLANS_FOLLOW_UP = 'readmission-replans-follow-up';

export interface EpisodeHandlerContext {
  episode: { episodeId: string; tenantId: string };
  recorder: EpisodeRecorder;
  /** Undefined until the tenant's policy is loaded. */
  policy: () => TenantPolicy | undefined;
}

export function registerEpisodeHandlers(context: EpisodeHandlerContext): void {
  const { episode, recorder } = context;
  const policyLoaded = async (): Promise<TenantPolicy> => {
    await condition(() => context.policy() !== undefined);
    return context.policy()!;
  };
  const outcome = (events: CareEpisodeEvent[]): EpisodeUpdateOutcome => ({
    episodeId: episode.episodeId,
    recorded: events.length > 0,
    version: recorder.version,
    stage: recorder.state.status === 'open' ? recorder.state.stage : 'intake',
  });

  /**
   * A coordinator action: the validator refuses what the rules refuse before anything enters
   * the history; the handler decides again on the state its turn finds.
   */
  function coordinatorUpdate<
    Args extends { at: string },
    Result extends EpisodeUpdateOutcome,
    Command extends CareEpisodeCommand = CareEpisodeCommand,
  >(
    definition: UpdateDefinition<Result, [Args]>,
    command: (args: Args, policy: TenantPolicy, newId: () => string) => Command,
    result: (events: CareEpisodeEvent[], command: Command) => Result,
  ): void {
    setHandler(
      definition,
      async (args: Args) => {
        const policy = await policyLoaded();
        try {
          const decided = command(args, policy, uuid4);
          return result(await recorder.apply(decided), decided);
        } catch (error) {
          return asApplicationFailure(error);
        }
      },
      {
        validator: (args: Args) => {
          requireFactTime(args.at);
          const policy = context.policy();
          // Validators do not replay, so they must not draw from the workflow's random source:
          // distinct placeholders stand in for the ids the handler will draw.
          if (policy) dryRun(() => command(args, policy, placeholderIds()));
        },
      },
    );
  }

  const dryRun = (command: CareEpisodeCommand | (() => CareEpisodeCommand)): void => {
    try {
      decide(typeof command === 'function' ? command() : command, recorder.state);
    } catch (error) {
      asApplicationFailure(error);
    }
  };

  setHandler(
    recordDischargeUpdate,
    async (discharge) =>
      outcome(
        await recorder
          .apply({ type: 'RecordDischarge', data: { ...discharge, ...episode } })
          .catch(asApplicationFailure),
      ),
    {
      validator: (discharge: DischargeDetails) => {
        requireFactTime(discharge.dischargedAt);
        dryRun({ type: 'RecordDischarge', data: { ...discharge, ...episode } });
      },
    },
  );
  coordinatorUpdate(
    recordAssessmentUpdate,
    (data) => ({ type: 'RecordAssessment', data }),
    outcome,
  );
  // Rule 8: the draft's hand-off interventions get their hand-offs at the approval.
  coordinatorUpdate(
    approvePlanUpdate,
    (data, policy) => ({ type: 'ApprovePlan', data: { ...data, handoffs: policy.handoffs } }),
    outcome,
  );

  coordinatorUpdate(
    requestHandoffUpdate,
    (request, policy, newId) => ({
      type: 'RequestHandoff',
      data: {
        ...request,
        handoffId: newId(),
        acceptWithinHours: policy.handoffs[request.kind].acceptWithinHours,
      },
    }),
    (events) => {
      const requested = events.find((event) => event.type === 'care.episode.handoff_requested.v1');
      return { ...outcome(events), handoffId: requested?.data.handoffId ?? '' };
    },
  );
  coordinatorUpdate(
    acceptHandoffUpdate,
    (acceptance, policy) => ({
      type: 'AcceptHandoff',
      data: {
        ...acceptance,
        completeWithinHours: policy.handoffs[handoffKind(acceptance.handoffId)].completeWithinHours,
      },
    }),
    outcome,
  );
  coordinatorUpdate(declineHandoffUpdate, (data) => ({ type: 'DeclineHandoff', data }), outcome);
  coordinatorUpdate(completeHandoffUpdate, (data) => ({ type: 'CompleteHandoff', data }), outcome);
  coordinatorUpdate(
    recordContactAttemptUpdate,
    (data) => ({ type: 'RecordContactAttempt', data }),
    outcome,
  );
  coordinatorUpdate(
    recordFaceToFaceVisitUpdate,
    (data) => ({ type: 'RecordFaceToFaceVisit', data }),
    outcome,
  );
  coordinatorUpdate(
    recordMedicationReconciliationUpdate,
    (data) => ({ type: 'RecordMedicationReconciliation', data }),
    outcome,
  );

  coordinatorUpdate(
    recordNeedsAssessmentUpdate,
    (data) => ({ type: 'RecordNeedsAssessment', data }),
    outcome,
  );
  const itemOutcome = (events: CareEpisodeEvent[], itemId: string, handoffId?: string) => ({
    ...outcome(events),
    itemId,
    ...(handoffId !== undefined ? { handoffId } : {}),
  });
  coordinatorUpdate(
    addCarePlanProblemUpdate,
    ({ problem, ...data }, _policy, newId) => ({
      type: 'AddCarePlanProblem' as const,
      data: { ...data, problem: { ...problem, problemId: newId() } },
    }),
    (events, { data }): CarePlanItemOutcome => itemOutcome(events, data.problem.problemId),
  );
  coordinatorUpdate(
    addCarePlanGoalUpdate,
    ({ goal, ...data }, _policy, newId) => ({
      type: 'AddCarePlanGoal' as const,
      data: { ...data, goal: { ...goal, goalId: newId() } },
    }),
    (events, { data }): CarePlanItemOutcome => itemOutcome(events, data.goal.goalId),
  );
  coordinatorUpdate(
    addCarePlanInterventionUpdate,
    ({ intervention, ...data }, policy, newId) => {
      const interventionId = newId();
      return {
        type: 'AddCarePlanIntervention' as const,
        data: {
          ...data,
          intervention: {
            ...intervention,
            interventionId,
            ...(intervention.owner.kind === 'handoff' ? { handoffId: newId() } : {}),
          },
          handoffs: policy.handoffs,
        },
      };
    },
    (events, { data }): CarePlanItemOutcome =>
      itemOutcome(events, data.intervention.interventionId, data.intervention.handoffId),
  );
  coordinatorUpdate(
    reviseCarePlanProblemUpdate,
    (data) => ({ type: 'ReviseCarePlanProblem', data }),
    outcome,
  );
  coordinatorUpdate(
    reviseCarePlanGoalUpdate,
    (data) => ({ type: 'ReviseCarePlanGoal', data }),
    outcome,
  );
  coordinatorUpdate(
    reviseCarePlanInterventionUpdate,
    (data) => ({ type: 'ReviseCarePlanIntervention', data }),
    outcome,
  );
  coordinatorUpdate(
    changeInterventionStatusUpdate,
    (data) => ({ type: 'ChangeInterventionStatus', data }),
    outcome,
  );
  coordinatorUpdate(
    changeGoalStatusUpdate,
    (data) => ({ type: 'ChangeGoalStatus', data }),
    outcome,
  );
  coordinatorUpdate(
    applyCarePlanTemplateUpdate,
    ({ templateId, ...data }, policy, newId) => {
      const template = tenantTemplate(policy, templateId);
      return {
        type: 'ApplyCarePlanTemplate' as const,
        data: { ...data, template, ids: templateIds(template, newId), handoffs: policy.handoffs },
      };
    },
    // The ids as the plan holds them: a repeated application answers the first one's.
    (events, { data }) => ({
      ...outcome(events),
      ids: appliedTemplateIds(recorder.state, data.template),
    }),
  );
  coordinatorUpdate(recordCoverageUpdate, (data) => ({ type: 'RecordCoverage', data }), outcome);
  coordinatorUpdate(
    recordContactPreferencesUpdate,
    (data) => ({ type: 'RecordContactPreferences', data }),
    outcome,
  );

  coordinatorUpdate(
    escalateEpisodeUpdate,
    ({ at, by, reason }) => ({ type: 'EscalateEpisode', data: { at, escalatedBy: by, reason } }),
    outcome,
  );
  coordinatorUpdate(
    reassignHandoffUpdate,
    ({ at, by, reason, handoffId, to }, policy) => ({
      type: 'ReassignHandoff',
      data: {
        at,
        handoffId,
        to,
        reassignedBy: by,
        reason,
        acceptWithinHours: policy.handoffs[handoffKind(handoffId)].acceptWithinHours,
      },
    }),
    outcome,
  );
  coordinatorUpdate(
    cancelEpisodeUpdate,
    ({ at, by, reason }) => ({
      type: 'CancelEpisode',
      data: { cancelledAt: at, cancelledBy: by, reason },
    }),
    outcome,
  );

  const retryCommand = ({ at, by, reason }: OpsAction, failing: boolean): CareEpisodeCommand => ({
    type: 'RetryFailingStep',
    data: { at, retriedBy: by, reason, step: 'record-events', failing },
  });
  setHandler(
    retryFailingStepUpdate,
    async (action) => {
      if (recorder.activityFailing) {
        const failedSoFar = recorder.failedAppends;
        recorder.retryNow();
        await condition(() => !recorder.activityFailing || recorder.failedAppends !== failedSoFar);
        if (recorder.activityFailing) {
          throw ApplicationFailure.create({
            type: STEP_FAILED_AGAIN,
            message: 'The step failed again; it keeps being retried with growing pauses.',
            nonRetryable: true,
          });
        }
        return outcome(
          await recorder.apply(retryCommand(action, true)).catch(asApplicationFailure),
        );
      }
      return outcome(await recorder.apply(retryCommand(action, false)).catch(asApplicationFailure));
    },
    {
      validator: (action: OpsAction) => {
        requireFactTime(action.at);
        dryRun(retryCommand(action, recorder.activityFailing));
      },
    },
  );

  function handoffKind(handoffId: string) {
    const state = recorder.state;
    const handoff =
      state.status === 'open' ? state.handoffs.find((h) => h.handoffId === handoffId) : undefined;
    // An unknown hand-off is refused by the rules; any kind serves to ask them.
    return handoff?.kind ?? 'pcp';
  }

  // ADT facts and SLA clocks arrive as signals: a fact the rules refuse is logged, never fails.
  const applyFact = async (command: CareEpisodeCommand): Promise<CareEpisodeEvent[]> => {
    try {
      return await recorder.apply(command);
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      log.warn('fact refused by the episode rules', { rule: error.rule, command: command.type });
      return [];
    }
  };
  setHandler(recordReadmissionSignal, async (readmission) => {
    const recorded = await applyFact({ type: 'RecordReadmission', data: readmission });
    if (recorded.length > 0 && patched(READMISSION_REPLANS_FOLLOW_UP)) {
      await applyFact({
        type: 'ReplanFollowUpAfterReadmission',
        data: { at: new Date().toISOString() },
      });
    }
  });
  // Rule 7: new signals, so no recorded history has them and no patch is needed.
  setHandler(recordEdRevisitSignal, async (visit) => {
    const recorded = await applyFact({ type: 'RecordEdRevisit', data: visit });
    if (recorded.some((event) => event.type === 'care.episode.risk_tier_raised.v1')) {
      await applyFact({
        type: 'ReplanFollowUpAfterRiskTierRaised',
        data: { at: new Date().toISOString() },
      });
    }
  });
  setHandler(recordEncounterChangeSignal, async (change) => {
    await applyFact({ type: 'RecordEncounterChange', data: change });
  });
  setHandler(cancelReadmissionSignal, async (cancellation) => {
    await applyFact({ type: 'CancelReadmission', data: cancellation });
  });
  setHandler(cancelDischargeSignal, async (cancellation) => {
    await applyFact({ type: 'CancelDischarge', data: cancellation });
  });
  setHandler(handoffLadderStepSignal, async (ladderStep) => {
    const policy = await policyLoaded();
    const { fallbackAssignee, acceptWithinHours } =
      policy.handoffs[handoffKind(ladderStep.handoffId)];
    await applyFact({
      type: 'ApplyLadderStep',
      data: { ...ladderStep, reassignTo: fallbackAssignee, acceptWithinHours },
    });
  });
}

/** Distinct ids in the shape of the workflow's own (UUIDs), for a validator's dry run. */
function placeholderIds(): () => string {
  let drawn = 0;
  return () => {
    drawn += 1;
    return `00000000-0000-4000-8000-${drawn.toString(16).padStart(12, '0')}`;
  };
}

function tenantTemplate(policy: TenantPolicy, templateId: string): PlanTemplate {
  const template = tenantPlanTemplates(policy).find(
    (candidate) => candidate.templateId === templateId,
  );
  if (!template) {
    throw new DomainRuleViolation(
      'care-plan-template',
      `The tenant has no care plan template ${templateId}.`,
    );
  }
  return template;
}

/** The ids a template's items have in the plan, by the template's `kind/key` names. */
function appliedTemplateIds(
  state: CareEpisodeState,
  template: PlanTemplate,
): Record<string, string> {
  if (state.status !== 'open') return {};
  const plan = carePlanOf(state);
  const ids: Record<string, string> = {};
  const add = (
    kind: string,
    item: { fromTemplate?: { templateId: string; key: string } },
    id: string | undefined,
  ) => {
    if (id !== undefined && item.fromTemplate?.templateId === template.templateId) {
      ids[`${kind}/${item.fromTemplate.key}`] = id;
    }
  };
  for (const problem of plan.problems) add('problem', problem, problem.problemId);
  for (const goal of plan.goals) add('goal', goal, goal.goalId);
  for (const intervention of plan.interventions) {
    add('intervention', intervention, intervention.interventionId);
    add('handoff', intervention, intervention.handoffId);
  }
  return ids;
}

function requireFactTime(at: string): void {
  const instant = Date.parse(at);
  if (Number.isNaN(instant)) throw new Error(`${at} is not a timestamp`);
  if (instant > Date.now() + CLOCK_SKEW_MS) throw new Error(`${at} is in the future`);
}

/** Refusals reach the caller as non-retryable failures that name the rule. */
function asApplicationFailure(error: unknown): never {
  if (error instanceof DomainRuleViolation) {
    throw ApplicationFailure.create({
      type: 'DomainRuleViolation',
      message: error.message,
      details: [error.rule],
      nonRetryable: true,
    });
  }
  throw error;
}
