import type { CareEpisodeStage, HandoffKind, StuckReason } from '../../libs/domain/src';

export type ContactChannel = 'phone' | 'video' | 'in_person' | 'portal';

/** LACE inputs that score low (2), moderate (9) and high (15). */
export const LACE_INPUTS = {
  low: { lengthOfStayDays: 2, acuteAdmission: false, charlsonScore: 0, edVisitsLast6Months: 0 },
  moderate: { lengthOfStayDays: 4, acuteAdmission: true, charlsonScore: 1, edVisitsLast6Months: 1 },
  high: { lengthOfStayDays: 7, acuteAdmission: true, charlsonScore: 4, edVisitsLast6Months: 2 },
} as const;

/**
 * One documented fact, dated hours before the seed runs. Hand-off steps act on the latest
 * hand-off of their kind.
 */
export type DemoStep =
  | {
      action: 'assessment';
      hoursAgo: number;
      lace: keyof typeof LACE_INPUTS;
      complexity: 'moderate' | 'high';
    }
  | { action: 'plan-approval'; hoursAgo: number; handoffKinds: HandoffKind[] }
  | { action: 'handoff-request'; hoursAgo: number; kind: HandoffKind; assignee: string }
  | { action: 'handoff-accept' | 'handoff-complete'; hoursAgo: number; kind: HandoffKind }
  | { action: 'handoff-decline'; hoursAgo: number; kind: HandoffKind; reason: string }
  | { action: 'contact-attempt'; hoursAgo: number; reached: boolean; channel: ContactChannel }
  | { action: 'visit' | 'medication-reconciliation'; hoursAgo: number }
  /** The hospital takes the discharge back (HL7 ADT A13), at the time of seeding. */
  | { action: 'discharge-cancellation' };

export interface DemoEpisode {
  encounterId: string;
  patientRef: string;
  story: string;
  dischargedHoursAgo: number;
  steps: DemoStep[];
  /** Where the episode stands right after seeding, and why it is stuck. */
  expected: { stage: CareEpisodeStage; stuck: StuckReason[] };
}

const DAY = 24;

const assess = (
  hoursAgo: number,
  lace: keyof typeof LACE_INPUTS,
  complexity: 'moderate' | 'high' = 'moderate',
): DemoStep => ({ action: 'assessment', hoursAgo, lace, complexity });
const plan = (hoursAgo: number, ...handoffKinds: HandoffKind[]): DemoStep => ({
  action: 'plan-approval',
  hoursAgo,
  handoffKinds,
});
const request = (hoursAgo: number, kind: HandoffKind, assignee: string): DemoStep => ({
  action: 'handoff-request',
  hoursAgo,
  kind,
  assignee,
});
const accept = (hoursAgo: number, kind: HandoffKind): DemoStep => ({
  action: 'handoff-accept',
  hoursAgo,
  kind,
});
const complete = (hoursAgo: number, kind: HandoffKind): DemoStep => ({
  action: 'handoff-complete',
  hoursAgo,
  kind,
});
const reached = (hoursAgo: number, channel: ContactChannel = 'phone'): DemoStep => ({
  action: 'contact-attempt',
  hoursAgo,
  reached: true,
  channel,
});
const unreached = (hoursAgo: number, channel: ContactChannel = 'phone'): DemoStep => ({
  action: 'contact-attempt',
  hoursAgo,
  reached: false,
  channel,
});
const visit = (hoursAgo: number): DemoStep => ({ action: 'visit', hoursAgo });
const reconcile = (hoursAgo: number): DemoStep => ({
  action: 'medication-reconciliation',
  hoursAgo,
});

type Story = Omit<DemoEpisode, 'encounterId' | 'patientRef'>;

/*
 * Hand-offs that go on to be accepted are requested less than their acceptance SLA ago: a
 * request dated earlier is escalated and reassigned by its SLA clock at once, before the
 * acceptance could be documented.
 */
const STORIES: Story[] = [
  {
    story: 'discharged an hour ago',
    dischargedHoursAgo: 1,
    steps: [],
    expected: { stage: 'assessment', stuck: [] },
  },
  {
    story: 'discharged this morning',
    dischargedHoursAgo: 6,
    steps: [],
    expected: { stage: 'assessment', stuck: [] },
  },
  {
    story: 'first call went to voicemail',
    dischargedHoursAgo: 20,
    steps: [unreached(2)],
    expected: { stage: 'assessment', stuck: [] },
  },
  {
    story: 'reached by phone, assessment pending',
    dischargedHoursAgo: 30,
    steps: [reached(24)],
    expected: { stage: 'assessment', stuck: [] },
  },
  {
    story: 'assessed high risk, plan in review',
    dischargedHoursAgo: 30,
    steps: [assess(6, 'high', 'high')],
    expected: { stage: 'planning', stuck: [] },
  },
  {
    story: 'assessed and reached, plan in review',
    dischargedHoursAgo: 26,
    steps: [assess(3, 'moderate'), reached(2)],
    expected: { stage: 'planning', stuck: [] },
  },
  {
    story: 'PCP hand-off requested',
    dischargedHoursAgo: 40,
    steps: [
      assess(20, 'low'),
      plan(4, 'pcp', 'home_health'),
      request(3, 'pcp', 'Organization/demo-riverside-family-medicine'),
    ],
    expected: { stage: 'handoff', stuck: [] },
  },
  {
    story: 'cardiology accepted the hand-off',
    dischargedHoursAgo: 72,
    steps: [
      assess(60, 'moderate'),
      plan(50, 'specialist'),
      reached(45),
      request(40, 'specialist', 'Organization/demo-heart-center-cardiology'),
      accept(20, 'specialist'),
    ],
    expected: { stage: 'handoff', stuck: [] },
  },
  {
    story: 'PCP hand-off completed, follow-up calls running',
    dischargedHoursAgo: 96,
    steps: [
      reached(88),
      assess(90, 'moderate'),
      plan(80, 'pcp'),
      reached(6),
      request(14, 'pcp', 'Organization/demo-lakeside-primary-care'),
      accept(10, 'pcp'),
      complete(2, 'pcp'),
    ],
    expected: { stage: 'follow_up', stuck: [] },
  },
  {
    story: 'visit and medication reconciliation done',
    dischargedHoursAgo: 5 * DAY,
    steps: [
      reached(108),
      assess(110, 'low'),
      plan(100),
      reconcile(50),
      visit(48),
      reached(12, 'video'),
    ],
    expected: { stage: 'follow_up', stuck: [] },
  },
  {
    story: 'skilled nursing hand-off completed, high risk',
    dischargedHoursAgo: 8 * DAY,
    steps: [
      reached(176),
      assess(180, 'high', 'high'),
      plan(170, 'snf'),
      reached(20, 'in_person'),
      reconcile(150),
      visit(144),
      request(7, 'snf', 'Organization/demo-maple-grove-snf'),
      accept(5, 'snf'),
      complete(1, 'snf'),
    ],
    expected: { stage: 'follow_up', stuck: [] },
  },
  {
    story: 'meals service declined, food bank asked instead',
    dischargedHoursAgo: 72,
    steps: [
      assess(64, 'moderate'),
      plan(60, 'community_resource'),
      reached(58),
      request(56, 'community_resource', 'Organization/demo-meals-on-wheels'),
      {
        action: 'handoff-decline',
        hoursAgo: 30,
        kind: 'community_resource',
        reason: "No volunteers in the patient's area this month",
      },
      request(28, 'community_resource', 'Organization/demo-city-food-bank'),
    ],
    expected: { stage: 'handoff', stuck: [] },
  },
  {
    story: 'senior center done, cardiology accepted',
    dischargedHoursAgo: 6 * DAY,
    steps: [
      reached(134),
      assess(136, 'moderate'),
      plan(130, 'specialist', 'community_resource'),
      reached(8),
      request(60, 'community_resource', 'Organization/demo-senior-center'),
      accept(50, 'community_resource'),
      complete(20, 'community_resource'),
      request(40, 'specialist', 'Organization/demo-heart-center-cardiology'),
      accept(30, 'specialist'),
    ],
    expected: { stage: 'handoff', stuck: [] },
  },
  {
    story: 'home health visits arranged and completed',
    dischargedHoursAgo: 10 * DAY,
    steps: [
      reached(228),
      assess(230, 'moderate'),
      plan(226, 'home_health'),
      reached(4),
      reconcile(170),
      visit(168),
      request(20, 'home_health', 'Organization/demo-visiting-nurses'),
      accept(16, 'home_health'),
      complete(3, 'home_health'),
    ],
    expected: { stage: 'follow_up', stuck: [] },
  },
  {
    story: 'home health requested, PCP still to ask',
    dischargedHoursAgo: 40,
    steps: [
      assess(30, 'high', 'high'),
      plan(26, 'home_health', 'pcp'),
      unreached(3),
      request(5, 'home_health', 'Organization/demo-visiting-nurses'),
    ],
    expected: { stage: 'handoff', stuck: [] },
  },
  {
    story: 'two calls and a portal message, no answer yet',
    dischargedHoursAgo: 72,
    steps: [
      unreached(64),
      unreached(50, 'video'),
      assess(66, 'moderate'),
      plan(48),
      unreached(6, 'portal'),
    ],
    expected: { stage: 'follow_up', stuck: [] },
  },
  {
    story: 'PCP has not accepted the hand-off for 30 hours',
    dischargedHoursAgo: 48,
    steps: [
      assess(40, 'low'),
      plan(36, 'pcp'),
      reached(34),
      request(30, 'pcp', 'Organization/demo-northside-pcp'),
    ],
    expected: { stage: 'handoff', stuck: ['handoff-sla'] },
  },
  {
    story: 'plan not approved 60 hours after the assessment',
    dischargedHoursAgo: 96,
    steps: [reached(90), assess(60, 'moderate')],
    expected: { stage: 'planning', stuck: ['stage-sla'] },
  },
  {
    story: 'interactive contact deadline missed',
    dischargedHoursAgo: 7 * DAY,
    steps: [unreached(20)],
    expected: { stage: 'assessment', stuck: ['tcm-deadline'] },
  },
  {
    story: 'weekly follow-up calls stopped',
    dischargedHoursAgo: 12 * DAY,
    steps: [assess(280, 'high', 'high'), plan(270), reached(268), reconcile(200), visit(190)],
    expected: { stage: 'follow_up', stuck: ['follow-up-overdue'] },
  },
  {
    story: 'nothing documented for four and a half days',
    dischargedHoursAgo: 5 * DAY,
    steps: [reached(110)],
    expected: { stage: 'assessment', stuck: ['idle'] },
  },
  {
    story: 'skilled nursing never answered; reassigned by the SLA clock',
    dischargedHoursAgo: 7 * DAY,
    steps: [
      assess(160, 'high', 'high'),
      plan(156, 'snf'),
      request(20, 'snf', 'Organization/demo-harbor-view-snf'),
    ],
    expected: {
      stage: 'handoff',
      stuck: ['handoff-sla', 'tcm-deadline', 'follow-up-overdue'],
    },
  },
  {
    story: 'discharge cancelled by the hospital (A13)',
    dischargedHoursAgo: 20,
    steps: [{ action: 'discharge-cancellation' }],
    expected: { stage: 'cancelled', stuck: [] },
  },
  {
    story: 'reported a month late, closed unbillable',
    dischargedHoursAgo: 31 * DAY,
    steps: [],
    expected: { stage: 'closed', stuck: [] },
  },
];

/** The demo's episodes, DEMO-0001 onward, each with a made-up patient. */
export const DEMO_EPISODES: readonly DemoEpisode[] = STORIES.map((story, index) => {
  const number = String(index + 1).padStart(4, '0');
  return { encounterId: `DEMO-${number}`, patientRef: `Patient/demo-${number}`, ...story };
});
