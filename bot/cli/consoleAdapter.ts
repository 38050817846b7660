import {
  ActivityTypes, BotAdapter, TurnContext,
  type Activity, type ConversationReference, type ResourceResponse,
} from 'botbuilder-core';

/** How the console shows one bot reply. */
export type PrintReply = (activity: Partial<Activity>) => void;

/**
 * A channel for the terminal: each line typed becomes a message activity, each reply is
 * printed. The bot, its dialogs and its state are the very ones the HTTP server runs.
 */
export class ConsoleAdapter extends BotAdapter {
  private readonly reference: ConversationReference;

  constructor(private readonly print: PrintReply, userId = 'console-user', locale?: string) {
    super();
    this.reference = {
      channelId: 'console',
      serviceUrl: '',
      user: { id: userId, name: 'You' },
      bot: { id: 'renewal-bot', name: 'Renewal bot' },
      conversation: { id: `console-${userId}`, isGroup: false, conversationType: 'personal', name: 'console' },
      locale,
    };
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
