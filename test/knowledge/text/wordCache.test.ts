import { describe, expect, it } from 'vitest';
import { WordCache } from '../../../knowledge/text/wordCache.js';

describe('WordCache', () => {
  it('computes a word once and answers it again from the cache', () => {
    const cache = new WordCache<number>(10);
    let computed = 0;
    const length = (w: string) => {
      computed += 1;
      return w.length;
    };
    expect(cache.get('renouvellement', length)).toBe(14);
    expect(cache.get('renouvellement', length)).toBe(14);
    expect(computed).toBe(1);
  });

  it('never keeps a hostile 10,000-character word, and stays within its bound under a flood of junk words', () => {
    const cache = new WordCache<number>(100);
    expect(cache.get('x'.repeat(10_000), (w) => w.length)).toBe(10_000);
    expect(cache.size).toBe(0);
    for (let i = 0; i < 1_000; i += 1) cache.get(`junk${i}`, (w) => w.length);
    expect(cache.size).toBeLessThanOrEqual(100);
    // After the flood, real words are kept again.
    cache.get('maintenance', (w) => w.length);
    let again = false;
    cache.get('maintenance', () => {
      again = true;
      return 0;
    });
    expect(again).toBe(false);
  });
});
