import { describe, expect, it } from 'vitest';
import { systemClock } from '../../services/clock.js';

describe('systemClock', () => {
  it("tells the machine's time, as a new Date each time", () => {
    const before = Date.now();
    const first = systemClock.now();
    const after = Date.now();
    expect(first.getTime()).toBeGreaterThanOrEqual(before);
    expect(first.getTime()).toBeLessThanOrEqual(after);
    // Callers may change the date they get (date-fns setters): the clock must not share it.
    first.setFullYear(1999);
    expect(systemClock.now().getFullYear()).not.toBe(1999);
  });
});
