import type { Lang } from '../../../knowledge/schema.js';
import { contentWords, termsOf } from '../../../knowledge/text/analyzer.js';

/** A sparse vector: term -> weight, with its length precomputed. */
export interface TermVector {
  weights: ReadonlyMap<string, number>;
  norm: number;
}

/**
 * TF-IDF vectors of short questions, built with the recognizer's own text folding (accents,
 * case, stop words, synonyms, stems, word pairs), so that « délai de grâce » and
 * "delai de grace ?" are the same question.
 */
export function tfidfVectors(questions: ReadonlyArray<{ text: string; lang: Lang }>): TermVector[] {
  const termLists = questions.map((q) => termsOf(contentWords(q.text, q.lang), q.lang));
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = questions.length;
  return termLists.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const weights = new Map<string, number>();
    let sum = 0;
    for (const [term, count] of counts) {
      // Smoothed IDF: a word every question shares still counts a little.
      const weight = (1 + Math.log(count)) * (1 + Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))));
      weights.set(term, weight);
      sum += weight * weight;
    }
    return { weights, norm: Math.sqrt(sum) };
  });
}

/** Cosine similarity of two vectors, 0 when either is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) dot += weight * (large.weights.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}
