import type { TurnContext } from 'botbuilder-core';
import type { RenewalId } from '../../services/contracts/index.js';
import type { StateAccessors } from '../conversationData.js';

/** The renewal IDs verified in this conversation, oldest first. */
export async function verifiedIds(state: StateAccessors, context: TurnContext): Promise<RenewalId[]> {
  const conversation = await state.conversation.get(context, {});
  return conversation.verifiedRenewalIds ?? [];
}

/** Remembers, for this conversation only, that the user owns this contract. */
export async function markVerified(state: StateAccessors, context: TurnContext, renewalId: RenewalId): Promise<void> {
  const conversation = await state.conversation.get(context, {});
  const ids = (conversation.verifiedRenewalIds ?? []).filter((id) => id !== renewalId);
  conversation.verifiedRenewalIds = [...ids, renewalId];
}
