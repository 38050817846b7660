import type { FeedbackEvent } from './feedbackEvent.js';

/**
 * Where feedback events are kept. Asynchronous so that a shared store (a database server, blob
 * storage) can stand behind it when several instances of the bot run.
 */
export interface FeedbackStore {
  add(event: FeedbackEvent): Promise<void>;
  /** Events at or after `from`, oldest first. */
  since(from: Date): Promise<FeedbackEvent[]>;
  /** Deletes events older than `cutoff`; resolves with how many were deleted. */
  purgeBefore(cutoff: Date): Promise<number>;
}
