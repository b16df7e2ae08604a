import { describe, expect, it } from '@jest/globals';
import {
  eventTypeLabel,
  feedMessageKindLabel,
  humanize,
  stageLabel,
  stuckReasonLabel,
} from './labels';

describe('labels', () => {
  it('reads event types as short phrases', () => {
    expect(eventTypeLabel('care.episode.handoff_reassigned.v1')).toBe('Hand-off reassigned');
    expect(eventTypeLabel('care.episode.tcm_clocks_started.v1')).toBe('TCM clocks started');
    expect(eventTypeLabel('care.episode.face_to_face_visit_recorded.v1')).toBe(
      'Face-to-face visit recorded',
    );
    expect(eventTypeLabel('care.episode.follow_up_planned.v1')).toBe('Follow-up planned');
    expect(eventTypeLabel('care.episode.escalated.v2')).toBe('Escalated');
    expect(eventTypeLabel('care.episode.ed_revisit_recorded.v1')).toBe('ED revisit recorded');
    expect(eventTypeLabel('care.episode.risk_tier_raised.v1')).toBe('Risk tier raised');
  });

  it('writes codes as words only where the whole word matches', () => {
    expect(humanize('handoff_acceptance')).toBe('Hand-off acceptance');
    expect(humanize('pcp')).toBe('PCP');
    expect(humanize('community_resource')).toBe('Community resource');
    expect(humanize('handoffs_planned')).toBe('Handoffs planned');
    expect(humanize('ed_revisits')).toBe('ED revisits');
    expect(humanize('reached')).toBe('Reached');
  });

  it('names stages and stuck reasons', () => {
    expect(stageLabel('follow_up')).toBe('Follow-up');
    expect(stuckReasonLabel('handoff-sla')).toBe('Hand-off SLA passed');
  });

  it('names the kinds of feed message', () => {
    expect(feedMessageKindLabel('discharge')).toBe('Discharge');
    expect(feedMessageKindLabel('admission')).toBe('Admission');
    expect(feedMessageKindLabel('discharge-cancelled')).toBe('Discharge cancelled');
    expect(feedMessageKindLabel('admission-cancelled')).toBe('Admission cancelled');
    expect(feedMessageKindLabel('emergency-visit')).toBe('Emergency visit');
    expect(feedMessageKindLabel('encounter-changed')).toBe('Encounter changed');
  });
});
