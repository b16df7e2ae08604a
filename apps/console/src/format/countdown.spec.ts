import { describe, expect, it } from '@jest/globals';
import { countdown, formatSpan } from './countdown';

const NOW = Date.parse('2025-03-10T12:00:00.000Z');

describe('deadline countdown', () => {
  it('counts down in days, hours, minutes and seconds, leaving out leading zero units', () => {
    expect(countdown('2025-03-11T14:03:04.000Z', NOW)).toEqual({
      overdue: false,
      text: 'Due in 1 d 2 h 3 min 4 s',
    });
    expect(countdown('2025-03-10T12:05:00.000Z', NOW).text).toBe('Due in 5 min 0 s');
    expect(countdown('2025-03-10T12:00:09.500Z', NOW).text).toBe('Due in 9 s');
  });

  it('says a deadline under a second away is due now', () => {
    expect(countdown('2025-03-10T12:00:00.400Z', NOW)).toEqual({ overdue: false, text: 'Due now' });
    expect(countdown('2025-03-10T12:00:00.000Z', NOW).text).toBe('Due now');
  });

  it('marks a passed deadline overdue in words, with how long ago it passed', () => {
    expect(countdown('2025-03-10T10:59:30.000Z', NOW)).toEqual({
      overdue: true,
      text: 'Overdue by 1 h 0 min 30 s',
    });
    expect(countdown('2025-03-08T12:00:00.000Z', NOW).text).toBe('Overdue by 2 d 0 h 0 min 0 s');
  });

  it('rounds spans down to whole seconds', () => {
    expect(formatSpan(59_999)).toBe('59 s');
    expect(formatSpan(0)).toBe('0 s');
    expect(formatSpan(-61_000)).toBe('1 min 1 s');
  });
});
