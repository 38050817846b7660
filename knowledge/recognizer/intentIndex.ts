import type { Lang } from '../schema.js';
import { isBigram } from '../text/analyzer.js';

/** Weight of a word pair relative to a single word. */
const BIGRAM_WEIGHT = 0.5;

type Vector = Map<string, number>;

/** The phrasings that hold a term, and the term's weight in each. */
interface Postings {
  docs: Int32Array;
  weights: Float64Array;
}

export interface ScoredDoc<L extends string> {
  label: L;
  /** Cosine with the closest single phrasing of the label. */
  similarity: number;
  /** Cosine with the label's centroid (all its phrasings together). */
  centroid: number;
}

/**
 * TF-IDF vectors of one language's example phrasings, searched by cosine similarity through
 * an inverted index: a message only touches the phrasings that share a term with it.
 * IDF counts labels, not phrasings, so a word that every intent uses ("contract") weighs
 * little and a word that only one intent uses ("grace") weighs a lot.
 */
export class IntentIndex<L extends string> {
  private readonly labels: L[] = [];
  private readonly postings = new Map<string, Postings>();
  /** Scratch space for one search, reused: searches are synchronous, so never shared. */
  private dots = new Float64Array(0);
  private readonly centroidPostings = new Map<string, Array<{ label: L; weight: number }>>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly vocabulary = new Map<L, Set<string>>();

  constructor(readonly lang: Lang, examples: ReadonlyArray<{ label: L; terms: readonly string[]; centroidOnly?: number }>) {
    const labelsByTerm = new Map<string, Set<string>>();
    const labelCount = new Set(examples.map((e) => e.label)).size;
    for (const { label, terms } of examples) {
      for (const term of terms) {
        const set = labelsByTerm.get(term) ?? new Set<string>();
        set.add(label);
        labelsByTerm.set(term, set);
      }
    }
    for (const [term, set] of labelsByTerm) this.idf.set(term, Math.log(1 + labelCount / set.size));
    this.unknownIdf = Math.log(1 + labelCount / 0.5);
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    const sums = new Map<L, Vector>();
    examples.forEach(({ label, terms, centroidOnly }, doc) => {
      this.labels.push(label);
      if (centroidOnly === undefined) {
        const known = this.vocabulary.get(label) ?? new Set<string>();
        for (const term of terms) if (!isBigram(term)) known.add(term);
        this.vocabulary.set(label, known);
      }
      const sum = sums.get(label) ?? new Map<string, number>();
      sums.set(label, sum);
      for (const [term, weight] of this.vectorOf(terms, false)) {
        if (centroidOnly === undefined) {
          const list = lists.get(term) ?? { docs: [], weights: [] };
          list.docs.push(doc);
          list.weights.push(weight);
          lists.set(term, list);
        }
        sum.set(term, (sum.get(term) ?? 0) + weight * (centroidOnly ?? 1));
      }
    });
    for (const [term, list] of lists) this.postings.set(term, { docs: Int32Array.from(list.docs), weights: Float64Array.from(list.weights) });
    this.dots = new Float64Array(this.labels.length);
    for (const [label, sum] of sums) {
      for (const [term, weight] of normalize(sum)) {
        const list = this.centroidPostings.get(term) ?? [];
        list.push({ label, weight });
        this.centroidPostings.set(term, list);
      }
    }
  }

  /**
   * The share of the message's words that the label's phrasings use: 1 when every word of
   * the message is one the label knows.
   */
  coverage(label: L, terms: readonly string[]): number {
    const words = terms.filter((t) => !isBigram(t));
    if (words.length === 0) return 0;
    const known = this.vocabulary.get(label);
    return words.filter((w) => known?.has(w)).length / words.length;
  }

  /** Best cosine similarity per label, best first. */
  search(terms: readonly string[]): Array<ScoredDoc<L>> {
    const query = this.vectorOf(terms, true);
    const dots = this.dots;
    const touched: number[] = [];
    for (const [term, weight] of query) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      const { docs, weights } = postings;
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i] ?? 0;
        if (dots[doc] === 0) touched.push(doc);
        dots[doc] = (dots[doc] ?? 0) + weight * (weights[i] ?? 0);
      }
    }
    const best = new Map<L, number>();
    for (const doc of touched) {
      const dot = dots[doc] ?? 0;
      dots[doc] = 0;
      const label = this.labels[doc];
      if (label !== undefined && dot > (best.get(label) ?? 0)) best.set(label, dot);
    }
    const centroids = new Map<L, number>();
    for (const [term, weight] of query) {
      for (const { label, weight: w } of this.centroidPostings.get(term) ?? []) centroids.set(label, (centroids.get(label) ?? 0) + weight * w);
    }
    return [...best]
      .map(([label, similarity]) => ({ label, similarity, centroid: centroids.get(label) ?? 0 }))
      .sort((a, b) => b.similarity - a.similarity);
  }

  /**
   * A unit-length TF-IDF vector. In a message, a word the index has never seen still counts
   * (with the highest weight), so "renew my passport" is further from "renew my contract"
   * than "renew" alone; an unseen word pair is left out, since most pairs are new.
   */
  private vectorOf(terms: readonly string[], isQuery: boolean): Vector {
    const vector: Vector = new Map();
    for (const term of terms) {
      const bigram = isBigram(term);
      const idf = this.idf.get(term) ?? (isQuery && !bigram ? this.unknownIdf : undefined);
      if (idf === undefined) continue;
      const weight = idf * (bigram ? BIGRAM_WEIGHT : 1);
      vector.set(term, Math.max(vector.get(term) ?? 0, weight));
    }
    return normalize(vector);
  }
}

function normalize(vector: Vector): Vector {
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}
