import Fuse from 'fuse.js';

/** Longest word the corrector looks at; longer tokens are left as they are. */
const MAX_WORD = 24;

/** Shortest word the corrector touches: shorter words have too many close neighbours ("pool"/"tool"). */
const MIN_WORD = 5;

/**
 * Maps a misspelt word to the closest word the knowledge base knows ("renouvelement" →
 * "renouvellement", "perode" → "periode"), with fuse.js over the vocabulary. To keep a
 * message's cost low, a word is only compared with known words that share its first letter
 * (or its second, for a swapped first pair) and have about its length: a few dozen words,
 * not thousands. Known words and short words are never looked up, and answers are cached.
 */
export class TypoCorrector {
  private readonly known: ReadonlySet<string>;
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(vocabulary: Iterable<string>, private readonly cacheLimit = 5000) {
    const words = [...new Set(vocabulary)].filter((w) => w.length >= 3 && w.length <= MAX_WORD && !/\d/.test(w));
    this.known = new Set(words);
    const lists = new Map<string, string[]>();
    for (const word of words) {
      const key = bucketKey(word[0] ?? '', word.length);
      const list = lists.get(key) ?? [];
      list.push(word);
      lists.set(key, list);
    }
    for (const [key, list] of lists) {
      this.buckets.set(key, new Fuse(list, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true }));
    }
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The known word closest to `word`, or undefined when none is close enough. */
  correct(word: string): string | undefined {
    if (this.known.has(word)) return word;
    if (word.length < MIN_WORD || word.length > MAX_WORD || /\d/.test(word)) return undefined;
    if (this.cache.has(word)) return this.cache.get(word);
    const found = this.search(word);
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private search(word: string): string | undefined {
    const maxEdits = word.length >= 8 ? 2 : 1;
    const initials = new Set([word[0] ?? '', word[1] ?? '']);
    let best: { word: string; edits: number; score: number } | undefined;
    for (const initial of initials) {
      for (let length = word.length - maxEdits; length <= word.length + maxEdits; length += 1) {
        for (const hit of this.buckets.get(bucketKey(initial, length))?.search(word, { limit: 3 }) ?? []) {
          const edits = editDistance(word, hit.item, maxEdits);
          if (edits > maxEdits) continue;
          const score = hit.score ?? 1;
          if (!best || edits < best.edits || (edits === best.edits && score < best.score)) best = { word: hit.item, edits, score };
        }
      }
    }
    return best?.word;
  }
}

const bucketKey = (initial: string, length: number) => `${initial}${length}`;

/** Damerau-Levenshtein (adjacent transpositions) distance, stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  const d = new Int32Array((a.length + 1) * cols);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    d[i * cols] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return at(a.length, b.length);
}
