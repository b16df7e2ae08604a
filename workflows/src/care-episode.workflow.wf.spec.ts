import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { EpisodeHarness } from '../../test/support/episode-harness';
import { until } from '../../test/support/until';
import {
  addCarePlanGoalUpdate,
  addCarePlanInterventionUpdate,
  addCarePlanProblemUpdate,
  applyCarePlanTemplateUpdate,
  approvePlanUpdate,
  cancelEpisodeUpdate,
  episodeSnapshotQuery,
  recordContactAttemptUpdate,
  recordDischargeUpdate,
  recordReadmissionSignal,
  retryFailingStepUpdate,
} from './care-episode.messages';
import { careSearchAttributes } from './search-attributes';

describe('careEpisode workflow', () => {
  let harness: EpisodeHarness;

  beforeAll(async () => {
    harness = await EpisodeHarness.start('care-episode-wf-test');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(() => {
    harness.failingAppends = 0;
  });

  /** The rule a refused update names, from the failure the caller receives. */
  const refusedRule = (error: unknown): unknown => {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return (cause as ApplicationFailure).details?.[0];
  };

  it('rule 1: records the discharge once, at stream version 0, then starts the TCM clocks', async () => {
    const { handle, episodeId } = await harness.start();
    const discharge = await harness.dischargeDetails();

    const outcome = await handle.executeUpdate(recordDischargeUpdate, { args: [discharge] });
    await harness.snapshotWhen(handle, (snapshot) => snapshot.version === 2);

    expect(outcome).toEqual({ episodeId, recorded: true, version: 1, stage: 'intake' });
    expect(harness.streams.get(episodeId)![0]).toEqual({
      type: 'care.episode.discharge_recorded.v1',
      data: { ...discharge, episodeId, tenantId: 'general-hospital' },
    });
    expect(harness.eventTypes(episodeId)).toEqual(['discharge_recorded', 'tcm_clocks_started']);
    await harness.cancel(handle);
  });

  it('rule 1: the same discharge sent again, even concurrently, is recorded once', async () => {
    const { handle, episodeId } = await harness.start();
    const discharge = await harness.dischargeDetails();

    const outcomes = await Promise.all(
      [1, 2, 3].map(() => handle.executeUpdate(recordDischargeUpdate, { args: [discharge] })),
    );

    expect(outcomes.filter((outcome) => outcome.recorded)).toHaveLength(1);
    expect(harness.events(episodeId, 'care.episode.discharge_recorded.v1')).toHaveLength(1);
    await harness.cancel(handle);
  });

  it('refuses a discharge time that is not a timestamp, or in the future, before any append', async () => {
    const { handle, episodeId } = await harness.start();
    const discharge = await harness.dischargeDetails();
    const tomorrow = new Date(Date.parse(discharge.dischargedAt) + 86_400_000).toISOString();

    for (const dischargedAt of ['yesterday', tomorrow]) {
      await expect(
        handle.executeUpdate(recordDischargeUpdate, { args: [{ ...discharge, dischargedAt }] }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
    }
    expect(harness.streams.get(episodeId)).toBeUndefined();
    await handle.terminate();
  });

  it('refuses a coordinator action out of stage order with the rule it breaks (stage-order)', async () => {
    const { handle, episodeId } = await harness.discharge();

    const refusal = await handle
      .executeUpdate(approvePlanUpdate, {
        args: [{ at: await harness.now(), approvedBy: 'Practitioner/md-3', handoffKinds: [] }],
      })
      .catch((error: unknown) => error);

    expect(refusedRule(refusal)).toBe('stage-order');
    expect(harness.eventTypes(episodeId)).toEqual(['discharge_recorded', 'tcm_clocks_started']);
    await harness.cancel(handle);
  });

  it('rule 6: a readmission is recorded once; an admission outside 30 days is refused without failing the episode', async () => {
    const { handle, episodeId } = await harness.discharge();
    const now = Date.parse(await harness.now());
    const readmission = {
      admissionEncounterId: 'ENC-R1',
      admittedAt: new Date(now + 3_600_000).toISOString(),
    };

    await handle.signal(recordReadmissionSignal, readmission);
    await handle.signal(recordReadmissionSignal, readmission);
    await handle.signal(recordReadmissionSignal, {
      admissionEncounterId: 'ENC-R2',
      admittedAt: new Date(now + 40 * 86_400_000).toISOString(),
    });
    const snapshot = await harness.snapshotWhen(
      handle,
      (current) => current.state.status === 'open' && current.state.readmissions.length > 0,
    );

    expect(snapshot.state).toMatchObject({ readmissions: [{ encounterId: 'ENC-R1' }] });
    expect(harness.events(episodeId, 'care.episode.readmission_recorded.v1')).toHaveLength(1);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await harness.cancel(handle);
  });

  it('rule 9: a store that keeps failing flags the episode stuck (activity-failing) until an append succeeds', async () => {
    const { handle, episodeId } = await harness.discharge();
    harness.failingAppends = 10;

    const contact = handle.executeUpdate(recordContactAttemptUpdate, {
      args: [
        {
          at: await harness.now(),
          reached: true,
          channel: 'phone',
          attemptedBy: 'Practitioner/rn-7',
        },
      ],
    });
    // Five attempts fail, then the episode pauses before trying again.
    const failing = await harness.snapshotWhen(
      handle,
      (snapshot) => snapshot.stuckReasons.length > 0,
      'the episode to report its failing store',
    );
    expect(
      (await handle.describe()).typedSearchAttributes.get(careSearchAttributes.stuckReasons),
    ).toEqual(['activity-failing']);
    await until('the store to recover', async () => {
      await harness.env.sleep('1 minute');
      return harness.events(episodeId, 'care.episode.contact_attempted.v1').length > 0;
    });
    const outcome = await contact;

    expect(failing.stuckReasons).toEqual(['activity-failing']);
    expect(outcome).toMatchObject({ recorded: true });
    expect(harness.failingAppends).toBe(0);
    await harness.snapshotWhen(handle, (snapshot) => snapshot.stuckReasons.length === 0);
    expect(harness.events(episodeId, 'care.episode.contact_attempted.v1')).toHaveLength(1);
    expect(
      harness.events(episodeId, 'care.episode.stuck_flagged.v1').map((event) => event.data.reasons),
    ).toEqual([['activity-failing']]);
    expect(harness.eventTypes(episodeId).at(-1)).toBe('stuck_cleared');
    await harness.cancel(handle);
  });

  it('operations retry a failing append at once instead of after its pause, and the retry is recorded', async () => {
    const { handle, episodeId } = await harness.discharge();
    const retry = async () => ({ at: await harness.now(), by: 'ops-1', reason: 'store is back' });

    const refusal = await handle
      .executeUpdate(retryFailingStepUpdate, { args: [await retry()] })
      .catch((error: unknown) => error);
    expect(refusedRule(refusal)).toBe('step-retry');

    // One activity execution's five attempts fail; the next attempt waits out a 30-second pause.
    harness.failingAppends = 5;
    const contact = handle.executeUpdate(recordContactAttemptUpdate, {
      args: [{ at: await harness.now(), reached: true, channel: 'phone', attemptedBy: 'rn-7' }],
    });
    await harness.snapshotWhen(handle, (snapshot) => snapshot.stuckReasons.length > 0);
    const before = Date.parse(await harness.now());
    const outcome = await handle.executeUpdate(retryFailingStepUpdate, { args: [await retry()] });

    expect(Date.parse(await harness.now()) - before).toBeLessThan(30_000);
    expect(outcome).toMatchObject({ recorded: true });
    expect(await contact).toMatchObject({ recorded: true });
    expect(harness.events(episodeId, 'care.episode.step_retried.v1')).toEqual([
      {
        type: 'care.episode.step_retried.v1',
        data: expect.objectContaining({ retriedBy: 'ops-1', step: 'record-events' }) as unknown,
      },
    ]);
    await harness.cancel(handle);
  });

  it('operations cancel an episode with a reason: recorded with who did it, and the workflow ends', async () => {
    const { handle, episodeId } = await harness.discharge();

    const outcome = await handle.executeUpdate(cancelEpisodeUpdate, {
      args: [{ at: await harness.now(), by: 'ops-1', reason: 'duplicate of another episode' }],
    });

    expect(outcome).toMatchObject({ recorded: true, stage: 'cancelled' });
    expect(harness.events(episodeId, 'care.episode.cancelled.v1')).toEqual([
      {
        type: 'care.episode.cancelled.v1',
        data: expect.objectContaining({ cancelledBy: 'ops-1' }) as unknown,
      },
    ]);
    expect((await handle.result()).status).toBe('open');
  });

  it('care plan: the workflow draws the ids of new items, a template applied again answers its first ids, an unknown one is refused (care-plan-template)', async () => {
    const { handle, episodeId } = await harness.discharge();
    const at = await harness.now();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

    const problem = await handle.executeUpdate(addCarePlanProblemUpdate, {
      args: [{ at, addedBy: 'rn-7', problem: { source: { kind: 'free' }, description: 'Falls' } }],
    });
    const goal = await handle.executeUpdate(addCarePlanGoalUpdate, {
      args: [
        {
          at,
          addedBy: 'rn-7',
          goal: {
            problemId: problem.itemId,
            description: 'No fall at home',
            targetDate: at.slice(0, 10),
          },
        },
      ],
    });
    // Two hand-off interventions in a row: each draws an id of its own for its hand-off.
    const referrals = [];
    for (const handoffKind of ['home_health', 'specialist'] as const) {
      referrals.push(
        await handle.executeUpdate(addCarePlanInterventionUpdate, {
          args: [
            {
              at,
              addedBy: 'rn-7',
              intervention: {
                goalId: goal.itemId,
                description: 'Home safety visit',
                owner: { kind: 'handoff', handoffKind },
                dueAt: new Date(Date.parse(at) + 86_400_000).toISOString(),
              },
            },
          ],
        }),
      );
    }
    const first = await handle.executeUpdate(applyCarePlanTemplateUpdate, {
      args: [{ at, appliedBy: 'rn-7', templateId: 'need-transportation' }],
    });
    const again = await handle.executeUpdate(applyCarePlanTemplateUpdate, {
      args: [{ at, appliedBy: 'rn-7', templateId: 'need-transportation' }],
    });
    const unknown = await handle
      .executeUpdate(applyCarePlanTemplateUpdate, {
        args: [{ at, appliedBy: 'rn-7', templateId: 'no-such-template' }],
      })
      .catch((error: unknown) => error);

    for (const id of [
      problem.itemId,
      goal.itemId,
      ...referrals.flatMap((r) => [r.itemId, r.handoffId]),
    ]) {
      expect(id).toMatch(uuid);
    }
    expect(new Set(referrals.map((referral) => referral.handoffId)).size).toBe(2);
    expect(again).toMatchObject({ recorded: false, ids: first.ids });
    expect(Object.keys(first.ids)).toHaveLength(5);
    expect(refusedRule(unknown)).toBe('care-plan-template');
    expect(harness.events(episodeId, 'care.episode.care_plan_template_applied.v1')).toHaveLength(1);
    await harness.cancel(handle);
  });

  it('continues as new once its history reaches the limit, keeping state, version and handlers', async () => {
    const { handle, episodeId } = await harness.discharge({ historyLimit: 40 });
    const firstRun = (await handle.describe()).runId;

    for (let attempt = 0; attempt < 12; attempt += 1) {
      await handle.executeUpdate(recordContactAttemptUpdate, {
        args: [
          {
            at: await harness.now(),
            reached: false,
            channel: 'portal',
            attemptedBy: 'Practitioner/rn-7',
          },
        ],
      });
      await harness.skip(0.5);
    }
    const snapshot = await handle.query(episodeSnapshotQuery);

    expect((await handle.describe()).runId).not.toBe(firstRun);
    expect(snapshot.version).toBe(harness.streams.get(episodeId)!.length);
    expect(snapshot.state).toMatchObject({ stage: 'assessment' });
    expect(harness.events(episodeId, 'care.episode.contact_attempted.v1')).toHaveLength(12);
    await harness.cancel(handle);
    expect(harness.eventTypes(episodeId).at(-1)).toBe('cancelled');
  });
});
