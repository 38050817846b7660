import { featuresOf } from './features.js';

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
  private readonly index: Map<string, number>;

  constructor(readonly features: readonly string[], readonly idf: Float32Array) {
    this.index = new Map(features.map((f, i) => [f, i]));
  }

  get size(): number {
    return this.features.length;
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

  transform(folded: string): SparseVector {
    const pairs: Array<[number, number]> = [];
    let norm = 0;
    for (const [feature, count] of featuresOf(folded)) {
      const i = this.index.get(feature);
      if (i === undefined) continue;
      const weight = (1 + Math.log(count)) * (this.idf[i] ?? 0);
      pairs.push([i, weight]);
      norm += weight * weight;
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { indexes: Int32Array.from(pairs, (p) => p[0]), values: Float32Array.from(pairs, (p) => p[1] * scale) };
  }
}
