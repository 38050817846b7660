import type { StatePropertyAccessor } from 'botbuilder-core';
import type { Lang } from '../knowledge/language/lang.js';
import type { RenewalId } from '../services/contracts/index.js';

/** What the bot remembers about a user across conversations (user state). */
export interface UserProfile {
  /** Set by an explicit "speak English" / "parle français". */
  language?: Lang;
  /** Where the user is in the six-step renewal walkthrough, so any later conversation resumes there. */
  walkthrough?: WalkthroughProgress;
}

export interface WalkthroughProgress {
  renewalId: RenewalId;
  /** 1 to 6. */
  step: number;
  /** ISO date-time of the last change. */
  updatedAt: string;
}

/** What the bot remembers within one conversation (conversation state). */
export interface ConversationData {
  /** The language of the last answer, the fallback for messages without a language clue. */
  language?: Lang;
}

/**
 * What the bot remembers for one user within one conversation (private conversation state):
 * in a group chat, the other members never see it.
 */
export interface PersonalConversationData {
  /**
   * Renewal IDs the user proved to own in this conversation. Only the IDs: never the proof.
   * Verification lasts for the conversation only.
   */
  verifiedRenewalIds?: RenewalId[];
}

export interface StateAccessors {
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
  personal: StatePropertyAccessor<PersonalConversationData>;
}
