import { describe, expect, it } from '@jest/globals';
import type { TimelineEntry } from '../api/contract';
import { describeTimelineEntry } from './describe-timeline-entry';

const entry = (type: string, data: Record<string, unknown>, actor?: string): TimelineEntry => ({
  eventId: 'e-1',
  type,
  version: 7,
  occurredAt: '2025-03-10T12:00:00.000Z',
  recordedAt: '2025-03-10T12:00:01.000Z',
  ...(actor !== undefined ? { actor } : {}),
  data,
});

describe('timeline entries', () => {
  it('shows who reassigned a hand-off, why, and from whom to whom', () => {
    const line = describeTimelineEntry(
      entry(
        'care.episode.handoff_reassigned_by_ops.v1',
        { from: 'org/south-clinic', to: 'org/north-clinic', reason: 'South clinic is closed' },
        'ops-lead',
      ),
    );
    expect(line).toEqual({
      label: 'Hand-off reassigned',
      actor: 'ops-lead',
      reason: 'South clinic is closed',
      details: ['From org/south-clinic to org/north-clinic'],
    });
  });

  it('reads the type of any other event, with its reason when it has one', () => {
    expect(
      describeTimelineEntry(
        entry(
          'care.episode.escalated.v1',
          { escalatedBy: 'ops-lead', reason: 'Patient called' },
          'ops-lead',
        ),
      ),
    ).toEqual({ label: 'Escalated', actor: 'ops-lead', reason: 'Patient called', details: [] });
    expect(describeTimelineEntry(entry('care.episode.discharge_recorded.v1', {}))).toEqual({
      label: 'Discharge recorded',
      details: [],
    });
  });

  it('names the stuck reasons and the retried step', () => {
    expect(
      describeTimelineEntry(
        entry('care.episode.stuck_flagged.v1', { reasons: ['idle', 'stage-sla'] }),
      ).details,
    ).toEqual(['Why: Idle, Stage SLA passed']);
    expect(
      describeTimelineEntry(
        entry('care.episode.step_retried.v1', { step: 'record-events', reason: 'x' }),
      ).details,
    ).toEqual(['Step: record-events']);
  });

  it('says why the follow-up was planned in words, not as a reason someone gave', () => {
    const planned = (reason: string) =>
      describeTimelineEntry(
        entry('care.episode.follow_up_planned.v1', { reason, riskTier: 'high' }),
      );

    expect(planned('plan-approved')).toEqual({
      label: 'Follow-up planned',
      details: ['Planned when the care plan was approved'],
    });
    expect(planned('readmission').details).toEqual([
      'Replanned at high intensity after a readmission',
    ]);
    expect(planned('readmission')).not.toHaveProperty('reason');
  });
});
