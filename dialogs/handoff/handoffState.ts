import type { StatePropertyAccessor, TurnContext } from 'botbuilder-core';
import type { HandoffReason, TranscriptLine } from '../../services/handoff/index.js';

/** What the customer side remembers per conversation (conversation state, property `handoff`). */
export interface HandoffState {
  /** The open case of this conversation, while it is open. */
  caseId?: string;
  /** The bot offered a person (after a lock-out…): the reason, kept for the next message only. */
  offer?: HandoffOffer;
  /** Messages seen in this conversation, to tell two "I don't understand" in a row. */
  turns?: number;
  /** The turn number and text of the last message the bot did not understand. */
  lastNotUnderstood?: { turn: number; text: string };
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
