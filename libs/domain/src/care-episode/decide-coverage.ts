import { payerClasses } from '../coverage/coverage';
import type { RecordCoverage } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireOpen } from './guards';
import { sameJson } from './same-json';

const optionalText = (value: string | undefined): boolean =>
  value === undefined || (typeof value === 'string' && value.trim() !== '');

/**
 * Rule 5: the patient's coverage, from the feed or documented by a coordinator; a later one is
 * a change of coverage, and the same one again changes nothing. Coverage is the patient's
 * standing fact, so it may be dated before the discharge that opened the episode.
 */
export function recordCoverage(
  { data }: RecordCoverage,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record coverage');
  if (Number.isNaN(Date.parse(data.at))) {
    throw new DomainRuleViolation('fact-time', `Coverage time ${data.at} is not a timestamp.`);
  }
  if (!payerClasses.includes(data.payerClass)) {
    throw new DomainRuleViolation(
      'coverage',
      `A payer class is one of ${payerClasses.join(', ')}, not ${data.payerClass}.`,
    );
  }
  if (data.source !== 'feed' && data.source !== 'coordinator') {
    throw new DomainRuleViolation('coverage', 'Coverage comes from the feed or a coordinator.');
  }
  if (data.source === 'coordinator' && !data.recordedBy?.trim()) {
    throw new DomainRuleViolation('coverage', 'Coverage a coordinator documents names them.');
  }
  if (![data.payerName, data.planType, data.coverageRef, data.recordedBy].every(optionalText)) {
    throw new DomainRuleViolation(
      'coverage',
      'Coverage leaves out what it does not know, never blank.',
    );
  }
  const coverage = {
    at: data.at,
    payerClass: data.payerClass,
    ...(data.payerName !== undefined ? { payerName: data.payerName } : {}),
    ...(data.planType !== undefined ? { planType: data.planType } : {}),
    ...(data.coverageRef !== undefined ? { coverageRef: data.coverageRef } : {}),
    source: data.source,
    ...(data.recordedBy !== undefined ? { recordedBy: data.recordedBy } : {}),
  };
  if ((episode.coverages ?? []).some((known) => sameJson(known, coverage))) return [];
  return [{ type: 'care.episode.coverage_recorded.v1', data: coverage }];
}
