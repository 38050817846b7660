import type { TurnContext } from 'botbuilder-core';
import type { TranscriptLine, TranscriptLog } from '../../services/handoff/index.js';

const PENDING_KEY = Symbol('handoff.transcriptLines');

/** The key of a conversation's transcript and of its handoff cases. */
export function conversationKeyOf(context: TurnContext): string {
  const { activity } = context;
  return `${activity.channelId}:${activity.conversation.id}`;
}

/** This turn's lines, not stored yet: the handoff gate stores them once the turn is answered. */
export function pendingLines(context: TurnContext): TranscriptLine[] {
  const held: unknown = context.turnState.get(PENDING_KEY);
  if (Array.isArray(held) && held.every(isLine)) return held;
  const lines: TranscriptLine[] = [];
  context.turnState.set(PENDING_KEY, lines);
  return lines;
}

/** The latest `max` lines of the conversation, this turn's included (a case opened now shows them). */
export async function transcriptOf(context: TurnContext, log: TranscriptLog, max: number): Promise<TranscriptLine[]> {
  const stored = await log.recent(conversationKeyOf(context), max);
  return [...stored, ...pendingLines(context)].slice(-max);
}

function isLine(value: unknown): value is TranscriptLine {
  return typeof value === 'object' && value !== null && 'from' in value && 'text' in value && 'at' in value;
}
