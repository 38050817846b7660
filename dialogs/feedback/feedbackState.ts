import type { StatePropertyAccessor } from 'botbuilder-core';
import type { FaqId, IntentId } from '../../knowledge/schema.js';

/** What the feedback questions remember within one conversation (its own conversation-state property). */
export interface FeedbackState {
  /** The answer whose "Was this helpful?" waits for Yes or No (the next message only). */
  pending?: FaqId;
  /** After "No": the answer whose missing part the next message may describe. */
  awaitingComment?: FaqId;
  /** The intents offered by a "did you mean", whose choice the next message makes. */
  offered?: IntentId[];
  /** What the last answer was (an FAQ entry, or `none`), the cause of a handoff asked next. */
  lastOutcome?: FaqId | 'none';
  /** Entries already asked about in this conversation: never twice. */
  asked?: FaqId[];
}

export type FeedbackStateAccessor = StatePropertyAccessor<FeedbackState>;
