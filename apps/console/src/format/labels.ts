import type { IntakeProblem } from '../api/contract';
import type { CareEpisodeStage, StuckReason } from '../domain';

const stageLabels: Record<CareEpisodeStage, string> = {
  intake: 'Intake',
  assessment: 'Assessment',
  planning: 'Planning',
  handoff: 'Hand-off',
  follow_up: 'Follow-up',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

const stuckReasonLabels: Record<StuckReason, string> = {
  'stage-sla': 'Stage SLA passed',
  'handoff-sla': 'Hand-off SLA passed',
  'tcm-deadline': 'TCM deadline at risk',
  'follow-up-overdue': 'Follow-up overdue',
  'intervention-overdue': 'Intervention overdue',
  idle: 'Idle',
  'activity-failing': 'Activity failing',
};

export const stageLabel = (stage: CareEpisodeStage): string => stageLabels[stage] ?? stage;

export const stuckReasonLabel = (reason: StuckReason): string =>
  stuckReasonLabels[reason] ?? reason;

const feedMessageKindLabels: Record<IntakeProblem['kind'], string> = {
  discharge: 'Discharge',
  admission: 'Admission',
  'discharge-cancelled': 'Discharge cancelled',
  'admission-cancelled': 'Admission cancelled',
  'emergency-visit': 'Emergency visit',
  'encounter-changed': 'Encounter changed',
};

export const feedMessageKindLabel = (kind: IntakeProblem['kind']): string =>
  feedMessageKindLabels[kind] ?? kind;

/** Words the engine writes as codes, as people write them. */
const WORDS: Record<string, string> = {
  handoff: 'hand-off',
  tcm: 'TCM',
  sla: 'SLA',
  snf: 'SNF',
  pcp: 'PCP',
  face_to_face: 'face-to-face',
  follow_up: 'follow-up',
  ed: 'ED',
};

/** A snake_case code as a sentence-case phrase: `handoff_acceptance` reads "Hand-off acceptance". */
export function humanize(code: string): string {
  let text = code;
  for (const [word, written] of Object.entries(WORDS)) {
    text = text.replace(new RegExp(`(^|_)${word}(?=_|$)`, 'g'), `$1${written}`);
  }
  const phrase = text.replace(/_/g, ' ');
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** `care.episode.handoff_reassigned.v1` reads "Hand-off reassigned". */
export const eventTypeLabel = (type: string): string =>
  humanize(type.replace(/^care\.episode\./, '').replace(/\.v\d+$/, ''));
