import { featuresOf, ID_TOKEN } from './features.js';
import { WordCache } from '../text/wordCache.js';

/** A sparse row: feature indexes and their weights (unit length). */
export interface SparseVector {
  indexes: Int32Array;
  values: Float32Array;
}

/**
 * TF-IDF over the model's features: sublinear term frequency (1 + log count), smoothed IDF
 * learnt from the training texts, rows scaled to unit length. Features never seen in
 * training are dropped.
 */
export class Vectorizer {
  /** Feature indexes by kind, keyed without the kind prefix, so a message builds no prefixed strings. */
  private readonly words = new Map<string, number>();
  private readonly pairs = new Map<string, number>();
  private readonly grams = new Map<string, number>();
  /** Scratch space for one message, reused: transform is synchronous, so never shared. */
  private readonly counts: Float32Array;
  private readonly touched: Int32Array;
  /** The row's values being built (float32, as transform returns them, so both give the same numbers); grown when a text needs more. */
  private rowValues = new Float32Array(256);
  /** The row handed out by transformInPlace: its indexes are `touched`. */
  private readonly scratchRow: { indexes: Int32Array; values: Float32Array; length: number };
  /** The character n-gram features of each word seen, so a word met again builds no substrings (most of a message's allocations). */
  private readonly wordGrams: WordCache<Int32Array>;

  /** How many features: the maps hold them all, the list of names is not kept (about 1.5 MB for the shipped model). */
  readonly size: number;

  constructor(features: readonly string[], readonly idf: Float32Array, maxCachedWords = 20_000) {
    this.wordGrams = new WordCache(maxCachedWords);
    features.forEach((f, i) => {
      const kind = f[0] === 'w' ? this.words : f[0] === 'b' ? this.pairs : this.grams;
      kind.set(ownString(f.slice(2)), i);
    });
    this.size = features.length;
    this.counts = new Float32Array(features.length);
    this.touched = new Int32Array(features.length);
    this.scratchRow = { indexes: this.touched, values: this.rowValues, length: 0 };
  }

  /** The feature names by index ("w word", "b word pair", "c gram"), rebuilt from the maps: for the model file and tests, not per message. */
  get features(): string[] {
    const features = new Array<string>(this.size);
    for (const [prefix, kind] of [['w', this.words], ['b', this.pairs], ['c', this.grams]] as const) {
      for (const [key, i] of kind) features[i] = `${prefix} ${key}`;
    }
    return features;
  }

  /** Learns the vocabulary and IDF of folded training texts; features sorted, so the result is deterministic. */
  static fit(folded: readonly string[]): Vectorizer {
    const df = new Map<string, number>();
    for (const text of folded) for (const f of featuresOf(text).keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const features = [...df.keys()].sort();
    const n = folded.length;
    const idf = Float32Array.from(features, (f) => Math.log((1 + n) / (1 + (df.get(f) ?? 0))) + 1);
    return new Vectorizer(features, idf);
  }

  /** The unit-length TF-IDF row of a folded text: the same features as featuresOf, looked up without building them. */
  transform(folded: string): SparseVector {
    const n = this.fill(folded);
    return { indexes: this.touched.slice(0, n), values: this.rowValues.slice(0, n) };
  }

  /**
   * The row of transform in this vectorizer's scratch arrays, valid until the next call: its
   * first `length` entries (what the classifier reads on every message, with nothing allocated).
   */
  transformInPlace(folded: string): { indexes: Int32Array; values: Float32Array; length: number } {
    this.scratchRow.length = this.fill(folded);
    return this.scratchRow;
  }

  /** Fills `touched` (feature indexes) and `rowValues` with the row of a folded text; returns its length. */
  private fill(folded: string): number {
    const { counts, touched } = this;
    let n = 0;
    const words = folded.split(' ').filter(Boolean);
    for (let w = 0; w < words.length; w += 1) {
      const word = words[w] ?? '';
      n = this.tally(this.words.get(word), n);
      if (w + 1 < words.length) n = this.tally(this.pairs.get(`${word} ${words[w + 1] ?? ''}`), n);
      if (word === ID_TOKEN) continue;
      const grams = this.gramsOf(word);
      for (let g = 0; g < grams.length; g += 1) n = this.tally(grams[g], n);
    }
    if (n > this.rowValues.length) {
      this.rowValues = new Float32Array(Math.max(n, 2 * this.rowValues.length));
      this.scratchRow.values = this.rowValues;
    }
    const values = this.rowValues;
    let norm = 0;
    for (let k = 0; k < n; k += 1) {
      const i = touched[k] ?? 0;
      const count = counts[i] ?? 1;
      counts[i] = 0;
      const weight = (count === 1 ? 1 : 1 + Math.log(count)) * (this.idf[i] ?? 0);
      values[k] = weight;
      norm += weight * weight;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < n; k += 1) values[k] = (values[k] ?? 0) * scale;
    return n;
  }

  /** Counts feature `i` (when known) for the row being built, whose `n` features are listed in `touched`; returns the new `n`. */
  private tally(i: number | undefined, n: number): number {
    if (i === undefined) return n;
    const { counts } = this;
    counts[i] = (counts[i] ?? 0) + 1;
    if (counts[i] !== 1) return n;
    this.touched[n] = i;
    return n + 1;
  }

  /** The known n-grams (2 to 5 characters) of ` word `, in order, repeats included. */
  private gramsOf(word: string): Int32Array {
    return this.wordGrams.get(word, (w) => this.findGrams(w));
  }

  private findGrams(word: string): Int32Array {
    const found: number[] = [];
    const padded = ` ${word} `;
    for (let size = 2; size <= 5; size += 1) {
      for (let start = 0; start + size <= padded.length; start += 1) {
        const i = this.grams.get(padded.slice(start, start + size));
        if (i !== undefined) found.push(i);
      }
    }
    return Int32Array.from(found);
  }
}

/**
 * A string that holds its own characters: V8 makes a slice of 13 characters or more a view of
 * the whole string, which would keep every feature's full name alive beside the map's key.
 */
function ownString(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}
