import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../services/clock.js';

describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("tells the machine's time", () => {
    vi.useFakeTimers({ now: new Date(2025, 0, 15, 9, 0) });
    expect(systemClock.now()).toEqual(new Date(2025, 0, 15, 9, 0));
  });
});
