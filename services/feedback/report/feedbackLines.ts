import type { IntentId } from '../../../knowledge/schema.js';

/**
 * How the two lines of the feedback loop were chosen (scripts/feedback-lines.mjs prints the
 * numbers; test/services/feedback/feedbackLines.test.ts checks them on the repository's data).
 */

/** An answer the bot gave, with the recognizer's confidence, and whether it was the right entry. */
export interface AnsweredSample {
  confidence: number;
  right: boolean;
}

export interface FlaggingRates {
  line: number;
  /** Answers under the line (listed in the report as low confidence). */
  flagged: number;
  /** Share of the answers under the line that were wrong. */
  wrongBelow: number;
  /** Share of the answers at or above the line that were wrong. */
  wrongAbove: number;
  /** Share of all wrong answers that are under the line. */
  recall: number;
  f1: number;
}

/** What a low-confidence line would list: how many answers, and how many of the wrong ones. */
export function flaggingRates(samples: readonly AnsweredSample[], line: number): FlaggingRates {
  const below = samples.filter((s) => s.confidence < line);
  const above = samples.length - below.length;
  const wrong = samples.filter((s) => !s.right).length;
  const caught = below.filter((s) => !s.right).length;
  const precision = below.length === 0 ? 0 : caught / below.length;
  const recall = wrong === 0 ? 0 : caught / wrong;
  return {
    line,
    flagged: below.length,
    wrongBelow: precision,
    wrongAbove: above === 0 ? 0 : (wrong - caught) / above,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/**
 * The low-confidence line: the one that best picks out the wrong answers (F1 of "under the line"
 * against "wrong"); among lines within `tolerance` of the best F1, the lowest, which lists the
 * fewest right answers for the owner to read.
 */
export function chooseLowConfidenceLine(samples: readonly AnsweredSample[], grid: readonly number[], tolerance = 0.01): FlaggingRates {
  const rates = grid.map((line) => flaggingRates(samples, line));
  const best = Math.max(...rates.map((r) => r.f1));
  const chosen = rates.find((r) => r.f1 >= best - tolerance);
  if (!chosen) throw new Error('chooseLowConfidenceLine: empty grid');
  return chosen;
}

/** An unanswered question as the report sees it (its closest entry and how close), and what it really is. */
export interface LabelledSimilarity {
  similarity: number;
  closest: IntentId | undefined;
  truth: IntentId | 'new';
}

export interface Separation {
  line: number;
  /** Phrasings of an existing entry suggested as a phrasing of that very entry. */
  phrasingsRight: number;
  /** New topics suggested as a new entry. */
  newTopicsRight: number;
  /** Mean of the two (the classes are not the same size). */
  balanced: number;
}

/** How well a suggestion line tells "add as a phrasing of X" (at or above it) from "new entry" (below). */
export function separation(samples: readonly LabelledSimilarity[], line: number): Separation {
  const phrasings = samples.filter((s) => s.truth !== 'new');
  const topics = samples.filter((s) => s.truth === 'new');
  const phrasingsRight = share(phrasings, (s) => s.similarity >= line && s.closest === s.truth);
  const newTopicsRight = share(topics, (s) => s.similarity < line);
  return { line, phrasingsRight, newTopicsRight, balanced: (phrasingsRight + newTopicsRight) / 2 };
}

/** The suggestion lines of the grid that separate best (balanced accuracy), and the middle one of them. */
export function bestSuggestionLines(samples: readonly LabelledSimilarity[], grid: readonly number[]): { best: Separation[]; middle: Separation } {
  const all = grid.map((line) => separation(samples, line));
  const top = Math.max(...all.map((s) => s.balanced));
  const best = all.filter((s) => s.balanced >= top - 1e-9);
  const middle = best[Math.floor((best.length - 1) / 2)];
  if (!middle) throw new Error('bestSuggestionLines: empty grid');
  return { best, middle };
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}
