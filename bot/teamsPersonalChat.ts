import type { Activity, ConversationParameters, TurnContext } from 'botbuilder-core';
import { AuthenticationConstants } from 'botframework-connector';
import type { PersonalChatOpener } from '../dialogs/contracts/personalChat.js';
import { trustedTenantOf } from '../dialogs/contracts/trustedTenant.js';
import { fromAuthenticatedChannel } from './channelTrust.js';
import type { Logger } from './logger.js';

/** Why no personal chat was opened: each one is a JSON warning line's `reason`. */
export type PersonalChatRefusal = 'not-teams' | 'unauthenticated' | 'no-tenant' | 'no-user' | 'create-failed' | 'not-sent';

export interface TeamsPersonalChatOptions {
  /** The bot's Microsoft App ID (MicrosoftAppId), which the connector authenticates as. */
  botAppId: string;
  logger: Logger;
}

/**
 * Opens the one-to-one Teams chat of the user who wrote in a channel or group chat, with the
 * adapter of the turn (CloudAdapter.createConversationAsync), and sends the first message
 * there. Only on a request the Teams channel authenticated, naming the user's Microsoft Entra
 * object id and a trusted tenant: anything else could make the bot write to whoever a stranger
 * names. Teams refuses (403) when the app is not installed for the user; then, as in every other
 * case, it returns false and logs one JSON warning line.
 */
export class TeamsPersonalChat implements PersonalChatOpener {
  constructor(private readonly options: TeamsPersonalChatOptions) {}

  async open(context: TurnContext, first: Partial<Activity>): Promise<boolean> {
    const { activity } = context;
    const tenantId = trustedTenantOf(context);
    const user = activity.from;
    let refusal: PersonalChatRefusal | undefined;
    if (activity.channelId !== 'msteams') refusal = 'not-teams';
    else if (!fromAuthenticatedChannel(context)) refusal = 'unauthenticated';
    else if (!tenantId) refusal = 'no-tenant';
    else if (!user?.id || !user.aadObjectId || !activity.serviceUrl) refusal = 'no-user';
    if (refusal || !tenantId || !user || !activity.serviceUrl) return this.refused(activity, refusal ?? 'no-user');

    const parameters: ConversationParameters = {
      isGroup: false,
      bot: activity.recipient,
      members: [{ id: user.id, name: user.name ?? '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    let sent = false;
    try {
      await context.adapter.createConversationAsync(this.options.botAppId, 'msteams', activity.serviceUrl, audienceOf(context), parameters, async (created) => {
        await created.sendActivity(first);
        sent = true;
      });
    } catch (error) {
      return this.refused(activity, 'create-failed', error);
    }
    // A middleware may end the new conversation's turn before the message goes out.
    if (!sent) return this.refused(activity, 'not-sent');
    this.options.logger.info({ event: 'personal-chat-opened', conversationId: activity.conversation?.id }, 'personal chat opened from a shared conversation');
    return true;
  }

  private refused(activity: Partial<Activity>, reason: PersonalChatRefusal, error?: unknown): false {
    this.options.logger.warn({
      event: 'personal-chat-unavailable', reason,
      channelId: activity.channelId?.slice(0, 50),
      conversationId: activity.conversation?.id?.slice(0, 100),
      ...(error === undefined ? {} : { statusCode: statusCodeOf(error), error: String(error).slice(0, 300) }),
    }, 'no personal chat opened: the user is told how to open one');
    return false;
  }
}

/** The audience the turn's connector used (Teams: the Bot Framework's), for the new conversation's. */
function audienceOf(context: TurnContext): string {
  const scope: unknown = context.turnState.get(context.adapter.OAuthScopeKey);
  return typeof scope === 'string' && scope !== '' ? scope : AuthenticationConstants.ToChannelFromBotOAuthScope;
}

function statusCodeOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}
