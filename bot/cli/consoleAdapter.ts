import {
  ActivityTypes, BotAdapter, TurnContext,
  type Activity, type ChannelAccount, type ConversationReference, type ResourceResponse,
} from 'botbuilder-core';

/** The terminal's channel id: its conversations are `console:<id>` in cases. */
export const CONSOLE_CHANNEL = 'console';

/** How the console shows one bot reply. */
export type PrintReply = (activity: Partial<Activity>) => void;

/**
 * A channel for the terminal: each line typed becomes a message activity, each reply is
 * printed. The bot, its dialogs and its state are the very ones the HTTP server runs.
 */
export class ConsoleAdapter extends BotAdapter {
  private readonly reference: ConversationReference;
  private readonly user: ChannelAccount;

  /**
   * @param conversationId each run of `npm run chat` has its own (see consoleConversation.ts)
   * @param userId the terminal user: the same on every run, like a browser that keeps its user id
   */
  constructor(private readonly print: PrintReply, conversationId: string, userId = 'console-user', locale?: string) {
    super();
    this.user = { id: userId, name: 'You' };
    this.reference = {
      channelId: CONSOLE_CHANNEL,
      serviceUrl: '',
      user: this.user,
      bot: { id: 'renewal-bot', name: 'Renewal bot' },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'console' },
      locale,
    };
  }

  /** The user joins a new conversation: the bot welcomes them, as on Web Chat. */
  async start(logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.ConversationUpdate, id: `${Date.now()}-start`, timestamp: new Date(), membersAdded: [this.user] },
      this.reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async receive(text: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Message, text, id: String(Date.now()), timestamp: new Date() },
      this.reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return activities.map((activity, i) => {
      if (activity.type === ActivityTypes.Message) this.print(activity);
      return { id: `${Date.now()}-${i}` };
    });
  }

  async updateActivity(): Promise<ResourceResponse | void> {
    throw new Error('the console cannot update a message');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('the console cannot delete a message');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
