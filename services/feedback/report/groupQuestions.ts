import type { Lang } from '../../../knowledge/schema.js';
import { foldText } from '../../../knowledge/text/foldText.js';
import { cosine, tfidfVectors } from './questionVectors.js';

export interface AskedQuestion {
  text: string;
  lang: Lang;
}

export interface QuestionGroup {
  /** How many times the group's questions were asked. */
  count: number;
  /** The distinct questions, most asked first. */
  questions: Array<AskedQuestion & { count: number }>;
}

export interface GroupingOptions {
  /** Two groups merge while their average similarity is at least this. @default 0.3 */
  minSimilarity?: number;
  /** Only the most asked distinct questions are grouped (the rest are listed alone). @default 600 */
  maxDistinct?: number;
}

/**
 * Groups questions that ask the same thing: identical questions (after folding) are counted
 * together, then the distinct ones are merged by average-linkage agglomerative clustering on
 * TF-IDF cosine similarity until no two groups are similar enough. Biggest group first; ties by
 * the first question, so the order is stable.
 *
 * @example
 * groupQuestions([{ text: 'délai de grâce ?', lang: 'fr' }, { text: 'delai de grace', lang: 'fr' }])
 * // [{ count: 2, questions: [{ text: 'délai de grâce ?', lang: 'fr', count: 2 }] }]
 */
export function groupQuestions(asked: readonly AskedQuestion[], options: GroupingOptions = {}): QuestionGroup[] {
  const minSimilarity = options.minSimilarity ?? 0.3;
  const distinct = countDistinct(asked);
  const clustered = distinct.slice(0, options.maxDistinct ?? 600);
  const rest = distinct.slice(clustered.length);

  const vectors = tfidfVectors(clustered);
  const n = clustered.length;
  const sim: number[][] = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const members: number[][] = clustered.map((_, i) => [i]);
  const alive = clustered.map(() => true);
  for (;;) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i += 1) {
      if (!alive[i]) continue;
      const row = sim[i] ?? [];
      for (let j = i + 1; j < n; j += 1) {
        const s = row[j] ?? 0;
        if (alive[j] && s > best) [best, bi, bj] = [s, i, j];
      }
    }
    if (bi < 0 || best < minSimilarity) break;
    // Average linkage (Lance-Williams): the merged group's similarity to every other group.
    const ni = members[bi]?.length ?? 0;
    const nj = members[bj]?.length ?? 0;
    for (let k = 0; k < n; k += 1) {
      if (!alive[k] || k === bi || k === bj) continue;
      const merged = ((sim[bi]?.[k] ?? 0) * ni + (sim[bj]?.[k] ?? 0) * nj) / (ni + nj);
      setSim(sim, bi, k, merged);
    }
    members[bi] = [...(members[bi] ?? []), ...(members[bj] ?? [])];
    alive[bj] = false;
  }

  const groups: QuestionGroup[] = [];
  for (let i = 0; i < n; i += 1) {
    if (!alive[i]) continue;
    const questions = (members[i] ?? []).flatMap((m) => (clustered[m] ? [clustered[m]] : [])).sort(byCount);
    groups.push({ count: questions.reduce((sum, q) => sum + q.count, 0), questions });
  }
  for (const q of rest) groups.push({ count: q.count, questions: [q] });
  return groups.sort((a, b) => b.count - a.count || (a.questions[0]?.text ?? '').localeCompare(b.questions[0]?.text ?? ''));
}

function setSim(sim: number[][], i: number, k: number, value: number): void {
  const rowI = sim[i];
  const rowK = sim[k];
  if (rowI) rowI[k] = value;
  if (rowK) rowK[i] = value;
}

/** Identical questions (after folding) once, with how often they were asked, most asked first. */
function countDistinct(asked: readonly AskedQuestion[]): Array<AskedQuestion & { count: number }> {
  const byKey = new Map<string, AskedQuestion & { count: number }>();
  for (const q of asked) {
    const key = foldText(q.text);
    if (key === '') continue;
    const seen = byKey.get(key);
    if (seen) seen.count += 1;
    else byKey.set(key, { text: q.text, lang: q.lang, count: 1 });
  }
  return [...byKey.values()].sort(byCount);
}

function byCount(a: { count: number; text: string }, b: { count: number; text: string }): number {
  return b.count - a.count || a.text.localeCompare(b.text);
}
