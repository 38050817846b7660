import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../bot/cache/lruCache.js';

describe('LruCache', () => {
  it('never holds more than its cap, however many keys arrive', () => {
    const cache = new LruCache<string, number>(100);
    for (let i = 0; i < 10_000; i += 1) cache.set(`key-${i}`, i);
    expect(cache.size).toBe(100);
    expect(cache.get('key-9999')).toBe(9999);
    expect(cache.get('key-9899')).toBeUndefined();
  });

  it('forgets the least recently used entry first: a read counts as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('c')).toBe(true);
  });

  it('replaces the value of a key it holds without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('refuses a cap that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
