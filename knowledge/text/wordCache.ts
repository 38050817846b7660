/**
 * What was computed for each word met, so a word met again costs a lookup. Words come from
 * users, so it is bounded twice: only words of up to `maxWordLength` characters are kept (a
 * 10,000-character "word" is computed, never stored), and when `maxWords` are kept the cache
 * starts again, so junk sent by one user cannot fill it for good.
 */
export class WordCache<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly maxWords = 20_000, private readonly maxWordLength = 32) {}

  get(word: string, compute: (word: string) => V): V {
    const cached = this.values.get(word);
    if (cached !== undefined) return cached;
    const value = compute(word);
    if (word.length <= this.maxWordLength) {
      if (this.values.size >= this.maxWords) this.values.clear();
      this.values.set(word, value);
    }
    return value;
  }

  /** How many words are kept. */
  get size(): number {
    return this.values.size;
  }
}
