import type { StatePropertyAccessor } from 'botbuilder';
import type { Lang } from '../knowledge/schema.js';

/** What the bot remembers about a user across conversations (user state). */
export interface UserProfile {
  /** Set by an explicit "speak English" / "parle français". */
  language?: Lang;
}

/** What the bot remembers within one conversation (conversation state). */
export interface ConversationData {
  /** The language of the last answer, the fallback for messages without a language clue. */
  language?: Lang;
}

export interface StateAccessors {
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
}
