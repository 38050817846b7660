import type { Activity, ChannelAccount, CloudAdapter, TurnContext } from 'botbuilder';
import type { Clock } from '../../../services/clock.js';
import type { Logger } from '../../logger.js';
import type { ConversationInfo, ConversationStore } from './conversationStore.js';
import type { ClientActivity } from './schemas.js';

/** The channel id the bot sees for the embedded endpoint, as for Web Chat on Azure. */
export const LOCAL_CHANNEL_ID = 'webchat';

/** The bot as the embedded channel names it. */
export const LOCAL_BOT_ACCOUNT: ChannelAccount = { id: 'renewal-bot', name: 'Renewal assistant', role: 'bot' };

export interface LocalChannelOptions {
  /** What runs a turn: botbuilder's CloudAdapter.processActivityDirect fits. */
  adapter: Pick<CloudAdapter, 'processActivityDirect'>;
  /** The bot's turn logic (RenewalBot.run). */
  logic: (context: TurnContext) => Promise<void>;
  store: ConversationStore;
  clock: Clock;
  /**
   * What the user reads when a turn fails and the bot's own apology did not reach them either
   * (e.g. its replies cannot be delivered), in the language of `locale`: never silence.
   */
  apology: (locale: string | undefined) => string;
  logger: Logger;
}

/**
 * The channel side of the embedded Direct Line endpoint: records what the user posts and hands
 * it to the bot through the same CloudAdapter as /api/messages. The bot answers through the
 * Bot Connector API at `serviceUrl` (this process; see connectorRoutes.ts), like on Azure.
 */
export class LocalChannel {
  constructor(private readonly options: LocalChannelOptions) {}

  /** Tells the bot that the user and the bot joined (the bot welcomes the user). */
  async conversationStarted(conversation: ConversationInfo, serviceUrl: string): Promise<void> {
    const user = userAccount(conversation);
    await this.runTurn({
      ...this.envelope(conversation, serviceUrl),
      type: 'conversationUpdate',
      id: `${conversation.id}|start`,
      membersAdded: [LOCAL_BOT_ACCOUNT, user],
    });
  }

  /**
   * Stores the user's activity in the transcript (clients get their own activity back, as with
   * Direct Line) and runs the bot's turn; resolves with the activity id once the bot has answered.
   */
  async post(conversation: ConversationInfo, posted: ClientActivity, serviceUrl: string): Promise<string> {
    // Typing indicators are neither kept (Direct Line does not keep them) nor worth a turn.
    if (posted.type === 'typing') return `${conversation.id}|typing`;
    const { from: _ignored, ...fields } = posted;
    const user = userAccount(conversation, posted.from?.name);
    const locale = posted.locale ?? conversation.locale;
    const stored = this.options.store.append(conversation.id, {
      ...fields,
      from: user,
      conversation: { id: conversation.id },
      recipient: LOCAL_BOT_ACCOUNT,
      channelId: LOCAL_CHANNEL_ID,
      ...(locale ? { locale } : {}),
    });
    if (!stored?.id) throw new Error(`conversation ${conversation.id} disappeared while posting`);
    await this.runTurn({
      ...this.envelope(conversation, serviceUrl),
      type: posted.type,
      id: stored.id,
      from: user,
      text: posted.text ?? '',
      ...(posted.textFormat ? { textFormat: posted.textFormat } : {}),
      ...(locale ? { locale } : {}),
      ...(posted.name ? { name: posted.name } : {}),
      ...(posted.value !== undefined ? { value: posted.value } : {}),
      ...(posted.channelData ? { channelData: posted.channelData } : {}),
      ...(posted.attachments ? { attachments: posted.attachments } : {}),
      ...(posted.entities ? { entities: posted.entities } : {}),
    });
    return stored.id;
  }

  private envelope(conversation: ConversationInfo, serviceUrl: string): Activity {
    return {
      type: 'message',
      serviceUrl,
      channelId: LOCAL_CHANNEL_ID,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: userAccount(conversation),
      recipient: LOCAL_BOT_ACCOUNT,
      timestamp: this.options.clock.now(),
      ...(conversation.locale ? { locale: conversation.locale } : {}),
      text: '',
      // Fields the Activity type requires that this channel does not use.
      localTimezone: '',
      callerId: '',
      label: '',
      valueType: '',
      listenFor: [],
    };
  }

  /**
   * Runs the bot's turn. When it fails and no reply got through after the failure (the turn
   * error handler's apology included), the channel itself adds an apology to the transcript.
   */
  private async runTurn(activity: Activity): Promise<void> {
    let failure: unknown;
    let answeredAfterFailure = false;
    try {
      // No Authorization header: in local mode (no app id) the adapter accepts the turn
      // unauthenticated and replies to serviceUrl without a token, as with the Emulator.
      await this.options.adapter.processActivityDirect('', activity, async (context) => {
        context.onSendActivities(async (_context, _activities, next) => {
          const sent = await next();
          if (failure !== undefined) answeredAfterFailure = true;
          return sent;
        });
        try {
          await this.options.logic(context);
        } catch (error) {
          failure = error;
          throw error;
        }
      });
    } catch (error) {
      failure ??= error;
    }
    if (failure === undefined || answeredAfterFailure) return;
    const conversationId = activity.conversation.id;
    this.options.logger.error({ err: failure, conversationId }, 'embedded Direct Line: the turn failed without an answer; the channel apologizes');
    this.options.store.append(conversationId, {
      type: 'message',
      from: LOCAL_BOT_ACCOUNT,
      recipient: activity.from,
      conversation: { id: conversationId },
      channelId: LOCAL_CHANNEL_ID,
      text: this.options.apology(activity.locale),
      ...(activity.locale ? { locale: activity.locale } : {}),
      ...(activity.type === 'message' ? { replyToId: activity.id } : {}),
    });
  }
}

function userAccount(conversation: ConversationInfo, name?: string): ChannelAccount {
  return { id: conversation.userId, name: name ?? '', role: 'user' };
}
