import { hrsnNeeds } from '../needs/ahc-hrsn-screen';
import {
  caregiverRelationships,
  functionalStatuses,
  healthLiteracyLevels,
} from '../needs/needs-assessment';
import type { RecordNeedsAssessment } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireAfterDischarge, requireOpen } from './guards';

/** The BCP-47 tag in its canonical form, or undefined when it is not one. */
function canonicalLanguageTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * The needs assessment: the AHC HRSN screen (its needs derived from the answers by the AHC
 * scoring guide), functional status, caregiver, language and health literacy. The state keeps
 * the latest; one older than it is refused, and the same one again changes nothing.
 */
export function recordNeedsAssessment(
  { data }: RecordNeedsAssessment,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record a needs assessment');
  requireAfterDischarge(episode, data.at, 'The needs assessment');
  const latest = episode.needsAssessment;
  if (latest && Date.parse(data.at) <= Date.parse(latest.at)) {
    if (Date.parse(data.at) === Date.parse(latest.at) && data.assessedBy === latest.assessedBy) {
      return [];
    }
    throw new DomainRuleViolation(
      'needs-assessment',
      `A needs assessment at ${data.at} is not later than the one recorded at ${latest.at}.`,
    );
  }
  const needs = hrsnNeeds(data.hrsnAnswers);
  const preferredLanguage = canonicalLanguageTag(data.preferredLanguage);
  if (!preferredLanguage) {
    throw new DomainRuleViolation(
      'needs-assessment',
      `${data.preferredLanguage} is not a BCP-47 language tag.`,
    );
  }
  if (!functionalStatuses.includes(data.functionalStatus)) {
    throw new DomainRuleViolation(
      'needs-assessment',
      `Functional status is one of ${functionalStatuses.join(', ')}.`,
    );
  }
  if (!healthLiteracyLevels.includes(data.healthLiteracy)) {
    throw new DomainRuleViolation(
      'needs-assessment',
      `Health literacy is one of ${healthLiteracyLevels.join(', ')}.`,
    );
  }
  const { caregiver } = data;
  if (
    caregiver &&
    (!caregiverRelationships.includes(caregiver.relationship) ||
      caregiver.caregiverRef.trim() === '')
  ) {
    throw new DomainRuleViolation(
      'needs-assessment',
      `A caregiver is a relationship among ${caregiverRelationships.join(', ')} and a reference into the patients store.`,
    );
  }
  return [
    {
      type: 'care.episode.needs_assessed.v1',
      data: {
        at: data.at,
        assessedBy: data.assessedBy,
        hrsnAnswers: data.hrsnAnswers.map(({ question, answer }) => ({ question, answer })),
        functionalStatus: data.functionalStatus,
        ...(caregiver
          ? {
              caregiver: {
                relationship: caregiver.relationship,
                caregiverRef: caregiver.caregiverRef,
              },
            }
          : {}),
        preferredLanguage,
        interpreterNeeded: data.interpreterNeeded,
        healthLiteracy: data.healthLiteracy,
        needs,
      },
    },
  ];
}
