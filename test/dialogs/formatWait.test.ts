import { describe, expect, it } from 'vitest';
import { formatWait } from '../../dialogs/formatWait.js';
import { botHarness } from '../support/botHarness.js';

const now = new Date(2026, 10, 28, 16, 43, 0);
const later = (ms: number) => new Date(now.getTime() + ms);
const MINUTE = 60_000;

describe('formatWait', () => {
  const h = botHarness();
  const fr = h.parts.translator.forLang('fr');
  const en = h.parts.translator.forLang('en');

  it('counts whole minutes, rounded up, in the user\'s language', () => {
    expect(formatWait(later(12 * MINUTE), now, en)).toBe('12 minutes');
    expect(formatWait(later(11 * MINUTE + 1), now, fr)).toBe('12 minutes');
    expect(formatWait(later(MINUTE), now, fr)).toBe('1 minute');
  });

  it('never says less than one minute, even for a moment already past', () => {
    expect(formatWait(later(1000), now, en)).toBe('1 minute');
    expect(formatWait(later(-5 * MINUTE), now, en)).toBe('1 minute');
  });

  it('writes long waits in hours', () => {
    expect(formatWait(later(2 * 60 * MINUTE), now, fr)).toBe('2 heures');
    expect(formatWait(later(60 * MINUTE), now, en)).toBe('1 hour');
    expect(formatWait(later(90 * MINUTE), now, en)).toBe('1 h 30 min');
  });
});
