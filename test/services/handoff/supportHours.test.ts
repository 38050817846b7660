import { describe, expect, it } from 'vitest';
import { parseOpeningSpans, SupportHours, SupportHoursError } from '../../../services/handoff/index.js';

const paris = new SupportHours(parseOpeningSpans('mon-fri 09:00-18:00'), 'Europe/Paris');

describe('SupportHours', () => {
  it('is open on a weekday within hours in Paris time', () => {
    expect(paris.isOpen(new Date('2026-11-30T10:00:00Z'))).toBe(true); // Mon 11:00 Paris
    expect(paris.isOpen(new Date('2026-11-30T17:00:00Z'))).toBe(false); // Mon 18:00 Paris
  });

  it('follows summer time', () => {
    expect(paris.isOpen(new Date('2026-07-06T07:30:00Z'))).toBe(true); // Mon 09:30 CEST
    expect(paris.isOpen(new Date('2026-12-07T07:30:00Z'))).toBe(false); // Mon 08:30 CET
  });

  it('names the next opening: Monday 09:00 after a Friday evening', () => {
    expect(paris.nextOpening(new Date('2026-12-04T19:00:00Z'))?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('reads several spans and wrapping day ranges', () => {
    const hours = new SupportHours(parseOpeningSpans('sat-sun 10:00-12:00; wed 14:00-15:30'), 'UTC');
    expect(hours.isOpen(new Date('2026-12-05T11:00:00Z'))).toBe(true); // Saturday
    expect(hours.isOpen(new Date('2026-12-02T15:29:00Z'))).toBe(true); // Wednesday
    expect(hours.isOpen(new Date('2026-12-02T15:30:00Z'))).toBe(false);
  });

  it.each(['', 'monday 9-18', 'mon-fri 18:00-09:00', 'mon 09:00-25:00', 'xyz 09:00-10:00'])('refuses %j', (text) => {
    expect(() => parseOpeningSpans(text)).toThrow(SupportHoursError);
  });
});
