import type { TurnContext } from 'botbuilder-core';

/**
 * Where the channel wiring leaves the Microsoft Entra tenant of a Teams user once it has
 * checked that the activity really came from Teams (an authenticated Bot Framework request).
 * Any client can write `channelId: msteams` and a tenant id into an activity; only what the
 * wiring puts here is trusted.
 */
export const TRUSTED_TENANT_KEY = Symbol('trustedTenant');

/** The trusted tenant of this turn's user; undefined when there is none. */
export function trustedTenantOf(context: TurnContext): string | undefined {
  const tenant: unknown = context.turnState.get(TRUSTED_TENANT_KEY);
  return typeof tenant === 'string' ? tenant : undefined;
}

/** The tenant an activity claims (conversation.tenantId, or channelData.tenant.id in older payloads). */
export function claimedTenantOf(activity: TurnContext['activity']): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  const channelData: unknown = activity.channelData;
  const fromChannelData =
    typeof channelData === 'object' && channelData !== null && 'tenant' in channelData &&
    typeof channelData.tenant === 'object' && channelData.tenant !== null && 'id' in channelData.tenant &&
    typeof channelData.tenant.id === 'string' ? channelData.tenant.id : undefined;
  return fromConversation ?? fromChannelData;
}
