import type { TurnContext } from 'botbuilder-core';
import type { RenewalId } from '../../services/contracts/index.js';
import type { StateAccessors } from '../conversationData.js';

/** The renewal IDs this user verified in this conversation, oldest first. */
export async function verifiedIds(state: StateAccessors, context: TurnContext): Promise<RenewalId[]> {
  const personal = await state.personal.get(context, {});
  return personal.verifiedRenewalIds ?? [];
}

/** Remembers, for this user in this conversation only, that they own this contract. */
export async function markVerified(state: StateAccessors, context: TurnContext, renewalId: RenewalId): Promise<void> {
  const personal = await state.personal.get(context, {});
  const ids = (personal.verifiedRenewalIds ?? []).filter((id) => id !== renewalId);
  personal.verifiedRenewalIds = [...ids, renewalId];
}
