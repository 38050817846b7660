import type { StatePropertyAccessor, TurnContext } from 'botbuilder-core';
import type { HandoffReason, TranscriptLine } from '../../services/handoff/index.js';

/** What the customer side remembers per conversation (conversation state, property `handoff`). */
export interface HandoffState {
  /** The open case of this conversation, while it is open. */
  caseId?: string;
  /** The bot offered a person (after a lock-out…): the reason, kept for the next message only. */
  offer?: HandoffOffer;
  /**
   * The text of the previous message when the bot did not understand it, kept for the next
   * message only (two "I don't understand" in a row offer a person).
   */
  lastNotUnderstood?: { text: string; /** Written by earlier versions, with {@link HandoffState.turns}. */ turn?: number };
  /**
   * Earlier versions counted messages here (a state write every turn) to tell whether
   * `lastNotUnderstood` was the previous message; read once and removed.
   */
  turns?: number;
  /**
   * Where earlier versions kept the transcript; read once, moved to the transcript log
   * (HandoffDeps.transcripts) and removed.
   */
  transcript?: TranscriptLine[];
}

export interface HandoffOffer {
  reason: HandoffReason;
  summary?: string;
}

export type HandoffStateAccessor = StatePropertyAccessor<HandoffState>;

const OFFER_KEY = Symbol('handoff.offer');

/**
 * Called by a dialog that just offered a person (verification lock-out, contract service down):
 * the reason goes with the case if the user takes up the offer in the next message.
 */
export function offerHandoff(context: TurnContext, reason: HandoffReason): void {
  context.turnState.set(OFFER_KEY, reason);
}

/** The reason a dialog offered a person during this turn, if it did. */
export function offeredThisTurn(context: TurnContext): HandoffReason | undefined {
  const value: unknown = context.turnState.get(OFFER_KEY);
  return value === 'locked-out' || value === 'contract-failure' || value === 'not-understood' || value === 'asked' ? value : undefined;
}

const PENDING_KEY = Symbol('handoff.pending');

/** The offer made in the previous turn, handed to this turn's handoff dialog. */
export function setPendingOffer(context: TurnContext, offer: HandoffOffer | undefined): void {
  context.turnState.set(PENDING_KEY, offer);
}

export function pendingOffer(context: TurnContext): HandoffOffer | undefined {
  const value: unknown = context.turnState.get(PENDING_KEY);
  return isOffer(value) ? value : undefined;
}

function isOffer(value: unknown): value is HandoffOffer {
  return typeof value === 'object' && value !== null && 'reason' in value && typeof value.reason === 'string';
}

const PREVIOUS_NOT_UNDERSTOOD_KEY = Symbol('handoff.previousNotUnderstood');

/**
 * Takes the previous message's "not understood" out of the state for this turn: it concerns the
 * next message only. State written by an earlier version counts turns: its entry counts only
 * when it was the last message. The state changes only when there was something to take.
 */
export function takePreviousNotUnderstood(context: TurnContext, state: HandoffState): void {
  const last = state.lastNotUnderstood;
  const legacyTurns = state.turns;
  if (last !== undefined) delete state.lastNotUnderstood;
  if (legacyTurns !== undefined) delete state.turns;
  const previous = last && (last.turn === undefined || last.turn === legacyTurns) ? last.text : undefined;
  context.turnState.set(PREVIOUS_NOT_UNDERSTOOD_KEY, previous);
}

/** The previous message's text when the bot did not understand it (and forgets it for this turn). */
export function usePreviousNotUnderstood(context: TurnContext): string | undefined {
  const value: unknown = context.turnState.get(PREVIOUS_NOT_UNDERSTOOD_KEY);
  context.turnState.set(PREVIOUS_NOT_UNDERSTOOD_KEY, undefined);
  return typeof value === 'string' ? value : undefined;
}
