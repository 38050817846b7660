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
    const counts = featuresOf(folded);
    const indexes = new Int32Array(counts.size);
    const values = new Float32Array(counts.size);
    let n = 0;
    let norm = 0;
    for (const [feature, count] of counts) {
      const i = this.index.get(feature);
      if (i === undefined) continue;
      const weight = (count === 1 ? 1 : 1 + Math.log(count)) * (this.idf[i] ?? 0);
      indexes[n] = i;
      values[n] = weight;
      norm += weight * weight;
      n += 1;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < n; k += 1) values[k] = (values[k] ?? 0) * scale;
    return { indexes: indexes.subarray(0, n), values: values.subarray(0, n) };
  }
}
