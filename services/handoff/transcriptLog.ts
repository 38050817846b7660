import type { TranscriptLine } from './handoffCase.js';

/**
 * The latest lines of each conversation (proofs already hidden), kept for the agent who may
 * take the conversation over. Outside conversation state on purpose: that state is read,
 * compared and written on every turn, and a transcript of 50 lines made most of its weight.
 */
export interface TranscriptLog {
  /** Adds lines after the conversation's last ones; only the latest `keep` are kept. */
  append(conversationKey: string, lines: readonly TranscriptLine[], keep: number): Promise<void>;
  /** The conversation's latest `max` lines, oldest first ([] for a conversation without any). */
  recent(conversationKey: string, max: number): Promise<TranscriptLine[]>;
}
