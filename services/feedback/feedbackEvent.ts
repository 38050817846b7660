import type { IntentId, IntentOrNone, Lang } from '../../knowledge/schema.js';

/**
 * What the answer-quality loop records:
 * - `answered`: an FAQ answer was given (`intent`);
 * - `unanswered`: a message answered `none` (`intent` is `none`) or below the confidence line
 *   (`intent` is the answer given), with its text and score;
 * - `did-you-mean`: the bot asked which of `options` the user meant; `did-you-mean-choice`: what
 *   the next message chose (`intent`, or `none` when it was none of them);
 * - `helpful` / `not-helpful`: the user's rating of an answer; `comment`: what was missing;
 * - `handoff`: the user was handed to a person; `intent` is what led there.
 */
export const FEEDBACK_KINDS = [
  'answered', 'unanswered', 'did-you-mean', 'did-you-mean-choice', 'helpful', 'not-helpful', 'comment', 'handoff',
] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export interface FeedbackEvent {
  /** ISO date-time. */
  at: string;
  kind: FeedbackKind;
  /** Keyed hash of the conversation id. */
  conversation: string;
  /** Keyed hash of the channel's user id: never the id itself. */
  user: string;
  lang: Lang;
  intent?: IntentOrNone;
  /** Recognizer score, for `unanswered`. */
  score?: number;
  /** Redacted text: the question, or the comment. */
  text?: string;
  /** The intents offered, for `did-you-mean`. */
  options?: IntentId[];
}

/** Who and where, as the channel says it; hashed before anything is stored. */
export interface FeedbackSource {
  channelId: string;
  conversationId: string;
  userId: string;
  lang: Lang;
}
