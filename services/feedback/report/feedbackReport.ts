import type { IntentId, IntentOrNone } from '../../../knowledge/schema.js';

/** What to do with a group of unanswered questions. */
export type Suggestion = { kind: 'phrasing'; id: IntentId } | { kind: 'new-entry' };

export interface UnansweredGroup {
  /** How many times the questions of this group were asked. */
  count: number;
  /** The distinct (redacted) questions, most asked first. */
  questions: Array<{ text: string; count: number }>;
  /** The existing entry the group is closest to, with the recognizer's average score. */
  closest?: { id: IntentId; title: string; score: number };
  suggestion: Suggestion;
}

export interface EntryFeedback {
  id: IntentId;
  title: string;
  answered: number;
  helpful: number;
  notHelpful: number;
  /** What users said was missing (redacted), newest last. */
  comments: string[];
}

/** The answer-quality report for one period; the same object feeds the table, CSV, JSON and page. */
export interface FeedbackReport {
  from: string;
  to: string;
  unanswered: UnansweredGroup[];
  entries: EntryFeedback[];
  /** Intents that ended in a handoff, most frequent first. */
  handoffs: Array<{ intent: IntentOrNone; title: string; count: number }>;
  /** Handoffs per calendar day (UTC), every day of the period, oldest first. */
  handoffsPerDay: Array<{ day: string; count: number }>;
  didYouMean: { asked: number; chose: number };
  conversations: {
    total: number;
    withHandoff: number;
    /** Share (0 to 1) of conversations that ended without a handoff; null without conversations. */
    resolvedWithoutAgent: number | null;
  };
}
