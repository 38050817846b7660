import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate } from '../../../services/contracts/index.js';

describe('parseIsoDate', () => {
  it('reads a calendar date as local midnight', () => {
    expect(parseIsoDate('2025-03-31')).toEqual(new Date(2025, 2, 31));
  });

  it('reads 29 February of a leap year', () => {
    expect(parseIsoDate('2024-02-29')).toEqual(new Date(2024, 1, 29));
  });

  it.each(['2025-02-29', '2025-13-01', '31/03/2025', '2025-3-31', '2025-03-31T10:00:00Z', ''])(
    'throws a RangeError for %j',
    (text) => {
      expect(() => parseIsoDate(text)).toThrow(RangeError);
    },
  );
});

describe('toIsoDate', () => {
  it('keeps the local calendar day whatever the time', () => {
    expect(toIsoDate(new Date(2025, 2, 31, 23, 59))).toBe('2025-03-31');
    expect(toIsoDate(new Date(2025, 2, 31, 0, 0))).toBe('2025-03-31');
  });

  it('round-trips with parseIsoDate', () => {
    expect(toIsoDate(parseIsoDate('2016-10-03'))).toBe('2016-10-03');
  });
});
