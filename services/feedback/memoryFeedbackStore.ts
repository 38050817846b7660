import type { FeedbackEvent } from './feedbackEvent.js';
import type { FeedbackStore } from './feedbackStore.js';

/** Feedback kept in memory: for tests and for STORAGE=memory. */
export class MemoryFeedbackStore implements FeedbackStore {
  private events: FeedbackEvent[] = [];

  add(event: FeedbackEvent): Promise<void> {
    this.events.push({ ...event });
    return Promise.resolve();
  }

  since(from: Date): Promise<FeedbackEvent[]> {
    const start = from.toISOString();
    return Promise.resolve(this.events.filter((e) => e.at >= start).map((e) => ({ ...e })));
  }

  purgeBefore(cutoff: Date): Promise<number> {
    const limit = cutoff.toISOString();
    const before = this.events.length;
    this.events = this.events.filter((e) => e.at >= limit);
    return Promise.resolve(before - this.events.length);
  }
}
