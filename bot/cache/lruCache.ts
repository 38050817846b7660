/**
 * A map that holds at most `max` entries: reading or writing an entry makes it the most
 * recent, and a write beyond the cap forgets the least recently used one. For caches whose
 * keys come from outside (service URLs, app ids), so their size never depends on the traffic.
 *
 * @example
 * const cache = new LruCache<string, number>(2);
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3);
 * cache.has('b') // false: the least recently used
 */
export class LruCache<K, V extends NonNullable<unknown>> {
  private readonly entries = new Map<K, V>();

  /** @param max entries kept at most (at least 1). */
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`LruCache: max must be a positive integer, got ${max}`);
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
