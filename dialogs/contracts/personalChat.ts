import type { Activity, TurnContext } from 'botbuilder-core';

/**
 * Opens a one-to-one chat with the sender of a message posted in a shared conversation (a Teams
 * channel or group chat) and sends a first message there. Declared here, where the group gate
 * needs it, and implemented in bot/ with the adapter (Teams: createConversation), which the
 * wiring hands in.
 */
export interface PersonalChatOpener {
  /**
   * @returns true when the personal chat was opened and `first` was sent in it; false when the
   *   channel cannot (not Teams, an unauthenticated request, no tenant) or refused (the app is
   *   not installed for the user). It never throws for a refusal.
   */
  open(context: TurnContext, first: Partial<Activity>): Promise<boolean>;
}
