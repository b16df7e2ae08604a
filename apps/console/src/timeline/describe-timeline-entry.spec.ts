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
        entry('care.episode.stuck_flagged.v2', { reasons: ['intervention-overdue'] }),
      ),
    ).toMatchObject({ label: 'Flagged as stuck', details: [expect.stringMatching(/^Why: /)] });
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

  it('says a follow-up was replanned after ED revisits raised the risk tier, in either version', () => {
    expect(
      describeTimelineEntry(
        entry('care.episode.follow_up_planned.v2', {
          reason: 'risk-tier-raised',
          riskTier: 'high',
        }),
      ),
    ).toEqual({
      label: 'Follow-up planned',
      details: ['Replanned at the higher risk tier after ED revisits'],
    });
  });

  it('describes an ED revisit by its day and encounter', () => {
    expect(
      describeTimelineEntry(
        entry('care.episode.ed_revisit_recorded.v1', {
          encounterId: 'ENC-2026-118042',
          arrivedAt: '2026-11-26T22:47:00-05:00',
          daysAfterDischarge: 6,
        }),
      ),
    ).toEqual({
      label: 'ED revisit recorded',
      details: [
        'Emergency department visit on day 6 after the discharge',
        'Encounter ENC-2026-118042',
      ],
    });
  });

  it('describes a raised risk tier from one tier to the other, with the LACE index', () => {
    expect(
      describeTimelineEntry(
        entry('care.episode.risk_tier_raised.v1', {
          at: '2026-11-26T22:47:00-05:00',
          from: 'moderate',
          to: 'high',
          lace: { score: 10, components: { l: 4, a: 3, c: 2, e: 1 }, tier: 'high' },
        }),
      ),
    ).toEqual({
      label: 'Risk tier raised',
      details: ['From moderate to high', 'LACE index 10 with the ED revisits counted'],
    });
  });

  it('describes each encounter change in words, with the patient class when the feed gave it', () => {
    const changed = (change: string, patientClass?: string) =>
      describeTimelineEntry(
        entry('care.episode.encounter_changed.v1', {
          encounterId: 'ENC-7',
          change,
          changedAt: '2026-11-27T01:15:00-05:00',
          ...(patientClass ? { patientClass } : {}),
        }),
      );

    expect(changed('transfer', 'E')).toEqual({
      label: 'Encounter changed',
      details: ['Transferred (ADT A02)', 'Encounter ENC-7', 'Patient class E'],
    });
    expect(changed('to-inpatient').details).toEqual([
      'Became an inpatient stay (ADT A06)',
      'Encounter ENC-7',
    ]);
    expect(changed('to-outpatient', 'O').details).toEqual([
      'Became an outpatient visit (ADT A07)',
      'Encounter ENC-7',
      'Patient class O',
    ]);
  });
});
