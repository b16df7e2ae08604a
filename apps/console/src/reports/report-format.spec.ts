import { describe, expect, it } from '@jest/globals';
import {
  dimensionValueLabel,
  formatCount,
  formatRate,
  formatReportHours,
  needDomainLabel,
  reportStageLabel,
} from './report-format';

describe('report figures in words', () => {
  it('writes a rate as a percentage with its numerator and denominator', () => {
    expect(formatRate({ numerator: 3, denominator: 4, rate: 0.75 }, 'en-US')).toBe('75% (3/4)');
    expect(formatRate({ numerator: 2, denominator: 3, rate: 0.6667 }, 'en-US')).toBe('66.7% (2/3)');
    expect(formatRate({ numerator: 4, denominator: 4, rate: 1 }, 'en-US')).toBe('100% (4/4)');
  });

  it('has no percentage for a rate over nothing, yet says what it is over', () => {
    expect(formatRate({ numerator: 0, denominator: 0, rate: null }, 'en-US')).toBe('— (0/0)');
  });

  it('writes percentages as the reader’s locale does', () => {
    expect(formatRate({ numerator: 1, denominator: 2, rate: 0.5 }, 'de-DE')).toBe(
      '50\u00a0% (1/2)',
    );
  });

  it('writes hours to a tenth, and a dash where there were no samples', () => {
    expect(formatReportHours(8.5, 'en-US')).toBe('8.5 h');
    expect(formatReportHours(17, 'en-US')).toBe('17 h');
    expect(formatReportHours(null, 'en-US')).toBe('—');
    expect(formatCount(12_345, 'en-US')).toBe('12,345');
  });

  it('names the groups of each dimension', () => {
    expect(dimensionValueLabel('riskTier', 'high')).toBe('High risk');
    expect(dimensionValueLabel('complexity', 'moderate')).toBe('Moderate complexity');
    expect(dimensionValueLabel('kind', 'home_health')).toBe('Home health');
    expect(dimensionValueLabel('kind', 'pcp')).toBe('PCP');
    expect(dimensionValueLabel('week', 2)).toBe('Week 2');
    expect(dimensionValueLabel('owner', 'care_team')).toBe('Care team');
    expect(dimensionValueLabel('owner', 'handoff')).toBe('Hand-off');
  });

  it('names the social needs domains, and says when a referral is for none', () => {
    expect(needDomainLabel('interpersonal_safety')).toBe('Interpersonal safety');
    expect(needDomainLabel('food')).toBe('Food');
    expect(needDomainLabel('')).toBe('Not linked to a need');
  });

  it('names the rows a dimension does not apply to', () => {
    expect(dimensionValueLabel('riskTier', null)).toBe('Not assessed');
    expect(dimensionValueLabel('complexity', null)).toBe('Not assessed');
    expect(dimensionValueLabel('week', null)).toBe('None');
  });

  it('names stages as the rest of the console does', () => {
    expect(reportStageLabel('follow_up')).toBe('Follow-up');
    expect(reportStageLabel('handoff')).toBe('Hand-off');
  });
});
