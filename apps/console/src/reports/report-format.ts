import type { Fraction } from '../api/contract';
import type { CareEpisodeStage } from '../domain';
import { humanize, stageLabel } from '../format/labels';
import type { Dimension } from './report-catalog';

/** What shows where a report has no figure: no rate over nothing, no hours without samples. */
export const NO_FIGURE = '—';

/**
 * A rate as a percentage with what it is made of: "66.7% (2/3)"; over nothing "— (0/0)". The
 * locale is the reader's unless given.
 */
export function formatRate(fraction: Fraction, locale?: string): string {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const share = fraction.rate === null ? NO_FIGURE : percent.format(fraction.rate);
  return `${share} (${fraction.numerator}/${fraction.denominator})`;
}

export function formatReportHours(hours: number | null, locale?: string): string {
  if (hours === null) return NO_FIGURE;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours)} h`;
}

export const formatCount = (count: number, locale?: string): string =>
  new Intl.NumberFormat(locale).format(count);

const TIERS: Record<string, string> = { low: 'Low', moderate: 'Moderate', high: 'High' };
const OWNERS: Record<string, string> = {
  coordinator: 'Coordinator',
  care_team: 'Care team',
  handoff: 'Hand-off',
};

/**
 * A group of a report's rows in words. Rows without a value are episodes the dimension does
 * not apply to yet: never assessed (a cancelled one), or without the fact whose week is counted.
 */
export function dimensionValueLabel(
  dimension: Dimension,
  value: string | number | null | undefined,
): string {
  if (value === null || value === undefined) {
    return dimension === 'riskTier' || dimension === 'complexity' ? 'Not assessed' : 'None';
  }
  switch (dimension) {
    case 'riskTier':
      return `${TIERS[value] ?? value} risk`;
    case 'complexity':
      return `${TIERS[value] ?? value} complexity`;
    case 'kind':
      return humanize(String(value));
    case 'owner':
      return OWNERS[value] ?? humanize(String(value));
    case 'week':
      return `Week ${value}`;
  }
}

export const reportStageLabel = (stage: string): string => stageLabel(stage as CareEpisodeStage);

/** A social needs domain of the AHC screen in words; a referral for no need has none. */
export const needDomainLabel = (domain: string): string =>
  domain === '' ? 'Not linked to a need' : humanize(domain);
