import type { Clock } from '../clock.js';
import type { IntentId, IntentOrNone } from '../../knowledge/schema.js';
import type { FeedbackEvent, FeedbackKind, FeedbackSource } from './feedbackEvent.js';
import type { FeedbackStore } from './feedbackStore.js';
import type { KeyedHasher } from './keyedHash.js';
import { redact } from './redact.js';

export interface FeedbackRecorderOptions {
  store: FeedbackStore;
  hasher: KeyedHasher;
  clock: Clock;
  /**
   * Answers given with a recognizer score below this line are recorded as unanswered too.
   * @default DEFAULT_LOW_CONFIDENCE (0.93)
   */
  lowConfidence?: number;
  /** Events older than this many days are purged by {@link FeedbackRecorder.purgeExpired}. @default 90 */
  retentionDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * Answers under this confidence are also listed as unanswered. Chosen by measurement against the
 * trained recognizer (npm run eval:feedback): in cross-validation about 22% of the answers under it are
 * wrong, 2% above it; it is the lowest line that picks out the wrong answers best (F1). The model
 * answers only when its best intent leads by 0.7 or more (CALIBRATED_TUNING), so no answer is under 0.7.
 */
export const DEFAULT_LOW_CONFIDENCE = 0.93;

/**
 * Records what the knowledge owner needs to improve the answers: questions the bot could not
 * answer, "did you mean" choices, ratings and comments, and handoffs. Every text is redacted
 * and every id replaced by a keyed hash before it reaches the store.
 */
export class FeedbackRecorder {
  readonly lowConfidence: number;
  readonly retentionDays: number;

  constructor(private readonly options: FeedbackRecorderOptions) {
    this.lowConfidence = options.lowConfidence ?? DEFAULT_LOW_CONFIDENCE;
    this.retentionDays = options.retentionDays ?? 90;
  }

  /** An FAQ answer was given; also recorded as unanswered when its score is under the line. */
  async answered(source: FeedbackSource, intent: IntentId, question: string, score: number): Promise<void> {
    await this.add(source, 'answered', { intent });
    if (score < this.lowConfidence) await this.add(source, 'unanswered', { intent, score, text: redact(question) });
  }

  /** The message got the "I did not understand" answer. */
  unanswered(source: FeedbackSource, question: string, score: number): Promise<void> {
    return this.add(source, 'unanswered', { intent: 'none', score, text: redact(question) });
  }

  didYouMean(source: FeedbackSource, question: string, options: IntentId[]): Promise<void> {
    return this.add(source, 'did-you-mean', { text: redact(question), options });
  }

  /** What the message after a "did you mean" chose: one of the options, or `none`. */
  didYouMeanChoice(source: FeedbackSource, chosen: IntentOrNone): Promise<void> {
    return this.add(source, 'did-you-mean-choice', { intent: chosen });
  }

  rated(source: FeedbackSource, intent: IntentId, helpful: boolean): Promise<void> {
    return this.add(source, helpful ? 'helpful' : 'not-helpful', { intent });
  }

  /** What was missing from an answer rated not helpful. */
  comment(source: FeedbackSource, intent: IntentId, text: string): Promise<void> {
    return this.add(source, 'comment', { intent, text: redact(text) });
  }

  /**
   * The conversation was handed to a person. The handoff code calls this with the intent that
   * led there: the answer the user was not happy with, or `talk-to-agent` when they asked
   * straight away.
   */
  handoff(source: FeedbackSource, intent: IntentOrNone): Promise<void> {
    return this.add(source, 'handoff', { intent });
  }

  /** Deletes what is older than the retention period; resolves with the number of events deleted. */
  purgeExpired(): Promise<number> {
    return this.options.store.purgeBefore(new Date(this.options.clock.now().getTime() - this.retentionDays * DAY_MS));
  }

  private add(source: FeedbackSource, kind: FeedbackKind, fields: Pick<FeedbackEvent, 'intent' | 'score' | 'text' | 'options'>): Promise<void> {
    const { hasher, clock, store } = this.options;
    return store.add({
      at: clock.now().toISOString(),
      kind,
      conversation: hasher.hash('conversation', `${source.channelId}:${source.conversationId}`),
      user: hasher.hash('user', `${source.channelId}:${source.userId}`),
      lang: source.lang,
      ...fields,
    });
  }
}
