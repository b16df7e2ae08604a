import {
  AHC_HRSN_QUESTIONS,
  hrsnDomains,
  type ConsentChannel,
  type ContactPreferencesRecorded,
  type CoverageRecorded,
  type NeedsAssessed,
} from '@care/domain';
import type { AnalyticsFact } from './analytics-fact';
import { optional } from './optional-field';

/** The needs by domain and severity, and the domains asked about: not the answers, nor who helps. */
export function needsFact({ data }: NeedsAssessed): AnalyticsFact {
  const asked = new Set(
    data.hrsnAnswers.map(({ question }) =>
      Object.hasOwn(AHC_HRSN_QUESTIONS, question)
        ? AHC_HRSN_QUESTIONS[question]?.domain
        : undefined,
    ),
  );
  return {
    type: 'care.analytics.needs_assessed.v1',
    data: {
      needs: data.needs.map(({ domain, severity }) => ({ domain, severity })),
      screenedDomains: hrsnDomains.filter((domain) => asked.has(domain)),
      functionalStatus: data.functionalStatus,
      healthLiteracy: data.healthLiteracy,
      interpreterNeeded: data.interpreterNeeded,
      ...optional('caregiver', data.caregiver?.relationship),
    },
  };
}

/** A plan type is published only when it is a code; free text could say anything. */
const PLAN_TYPE_CODE = /^[A-Za-z0-9_-]{1,12}$/;

/** The payer class and plan type code: never the payer's name, the member or the reference. */
export const coverageFact = ({ data }: CoverageRecorded): AnalyticsFact => ({
  type: 'care.analytics.coverage_recorded.v1',
  data: {
    payerClass: data.payerClass,
    ...optional(
      'planType',
      data.planType !== undefined && PLAN_TYPE_CODE.test(data.planType) ? data.planType : undefined,
    ),
    source: data.source,
  },
});

/** Channels and consent as codes; neither the contact details nor the hours of the windows. */
export function contactPreferencesFact({ data }: ContactPreferencesRecorded): AnalyticsFact {
  const consent: Partial<Record<ConsentChannel, 'granted' | 'refused'>> = {};
  for (const [channel, given] of Object.entries(data.consent)) {
    if (given) consent[channel as ConsentChannel] = given.status;
  }
  return {
    type: 'care.analytics.contact_preferences_recorded.v1',
    data: {
      preferredChannels: [...data.preferredChannels],
      consent,
      contactWindows: data.contactWindows.length,
    },
  };
}
