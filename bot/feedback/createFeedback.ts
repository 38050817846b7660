import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Clock } from '../../services/clock.js';
import {
  FeedbackRecorder, KeyedHasher, MemoryFeedbackStore, SqliteFeedbackStore, type FeedbackStore,
} from '../../services/feedback/index.js';
import { feedbackKeySecret } from './feedbackKeySecret.js';

const DAY_MS = 86_400_000;

export interface FeedbackParts {
  store: FeedbackStore;
  recorder: FeedbackRecorder;
  /** Stops the daily retention purge. */
  stop(): void;
}

/**
 * The feedback store beside the bot state (the same SQLite file, or memory), its recorder, and
 * the retention purge: once at start-up, then every day.
 */
export function createFeedback(config: Config, db: Database.Database | undefined, clock: Clock, logger: Logger, store?: FeedbackStore): FeedbackParts {
  const chosen = store ?? (db ? new SqliteFeedbackStore(db) : new MemoryFeedbackStore());
  const recorder = new FeedbackRecorder({
    store: chosen,
    hasher: new KeyedHasher(feedbackKeySecret(config)),
    clock,
    lowConfidence: config.FEEDBACK_LOW_CONFIDENCE,
    retentionDays: config.FEEDBACK_RETENTION_DAYS,
  });
  const purge = () => {
    recorder.purgeExpired().then(
      (deleted) => { if (deleted > 0) logger.info({ deleted, retentionDays: recorder.retentionDays }, 'old feedback records deleted'); },
      (error: unknown) => logger.warn({ err: error }, 'feedback retention purge failed'),
    );
  };
  purge();
  const timer = setInterval(purge, DAY_MS);
  timer.unref();
  return { store: chosen, recorder, stop: () => clearInterval(timer) };
}
