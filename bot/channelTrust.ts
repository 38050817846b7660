import type { Middleware, TurnContext } from 'botbuilder-core';
import { claimedTenantOf, TRUSTED_TENANT_KEY } from '../dialogs/contracts/trustedTenant.js';
import type { ServiceUrlPolicy } from './http/serviceUrls.js';
import type { Logger } from './logger.js';

/** The issuer of the tokens the Bot Framework channels (Teams included) send to bots. */
const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';

interface Identity {
  isAuthenticated: boolean;
  authenticationType?: string | boolean;
  getClaimValue(type: string): string | null;
}

function isIdentity(value: unknown): value is Identity {
  return typeof value === 'object' && value !== null && 'isAuthenticated' in value && 'getClaimValue' in value && typeof value.getClaimValue === 'function';
}

function identityOf(context: TurnContext): Identity | undefined {
  const identity: unknown = context.turnState.get(context.adapter.BotIdentityKey);
  return isIdentity(identity) && identity.isAuthenticated && identity.authenticationType !== 'anonymous' ? identity : undefined;
}

/**
 * Whether the turn is authenticated: in production, an activity whose token the adapter
 * validated, or a proactive turn the bot started from one (its reference was recorded from an
 * authenticated turn). Never in local mode, where the identity is "anonymous".
 */
export function isAuthenticatedTurn(context: TurnContext): boolean {
  return identityOf(context) !== undefined;
}

/** Whether a Bot Framework channel (Teams among them) vouched for this turn with its token. */
export function fromAuthenticatedChannel(context: TurnContext): boolean {
  return identityOf(context)?.getClaimValue('iss') === CHANNEL_TOKEN_ISSUER;
}

/**
 * Trusts the Teams tenant an activity names only when the Teams channel itself sent it (an
 * authenticated request): in local mode anyone could claim a customer's tenant.
 */
export class TeamsTenantMiddleware implements Middleware {
  // Not async: outside Teams (most turns) it only hands over to the next middleware.
  onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId === 'msteams' && fromAuthenticatedChannel(context)) {
      const tenant = claimedTenantOf(context.activity);
      if (tenant) context.turnState.set(TRUSTED_TENANT_KEY, tenant);
    }
    return next();
  }
}

/**
 * Ends, unanswered, a turn whose serviceUrl the policy does not allow, before anything replies
 * to it or remembers it for proactive messages.
 */
export class ServiceUrlGuard implements Middleware {
  constructor(
    private readonly serviceUrls: ServiceUrlPolicy,
    private readonly logger: Logger,
  ) {}

  onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (!this.serviceUrls.allows(activity.serviceUrl, isAuthenticatedTurn(context))) {
      this.logger.warn({ conversationId: activity.conversation?.id?.slice(0, 100), channelId: activity.channelId?.slice(0, 50) }, 'turn refused: its serviceUrl is not one the bot may call');
      return Promise.resolve();
    }
    return next();
  }
}
