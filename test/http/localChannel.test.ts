import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder-core';
import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../bot/http/directLine/conversationStore.js';
import { LocalChannel } from '../../bot/http/directLine/localChannel.js';
import { createLogger } from '../../bot/logger.js';
import { FakeClock } from '../services/fakeClock.js';

/**
 * A channel adapter whose replies go nowhere (as when the bot cannot reach its serviceUrl) or
 * into `sent`; like CloudAdapter it runs the turn through its middleware and onTurnError.
 */
class FakeAdapter extends BotAdapter {
  readonly sent: Array<Partial<Activity>> = [];

  constructor(private readonly delivers: boolean) {
    super();
    // What bot/turnErrorHandler.ts does: apologize; a failed apology is only logged.
    this.onTurnError = async (context) => {
      await context.sendActivity('the bot apologizes').catch(() => undefined);
    };
  }

  async processActivityDirect(_authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(_context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    if (!this.delivers) throw new Error('getaddrinfo ENOTFOUND [::1]');
    this.sent.push(...activities);
    return activities.map((_activity, index) => ({ id: `sent-${index}` }));
  }

  async updateActivity(): Promise<void> {
    throw new Error('not used');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('not used');
  }

  async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    throw new Error('not used');
  }
}

function channelWith(adapter: Pick<FakeAdapter, 'processActivityDirect'>, logic: (context: TurnContext) => Promise<void>) {
  const clock = new FakeClock(new Date('2026-11-30T10:00:00Z'));
  const store = new ConversationStore({ clock });
  const { conversation } = store.start({ id: 'conv-1', userId: 'dl_user', locale: 'fr-FR' });
  const channel = new LocalChannel({
    adapter,
    logic,
    store,
    clock,
    apology: (locale) => `apology for ${locale ?? 'no locale'}`,
    logger: createLogger('silent'),
  });
  const botTexts = () => (store.since('conv-1', 0)?.activities ?? []).filter((a) => a.type === 'message' && roleOf(a.from) === 'bot').map((a) => a.text);
  return { channel, conversation, botTexts };
}

function roleOf(account: unknown): unknown {
  return typeof account === 'object' && account !== null && 'role' in account ? account.role : undefined;
}

const failing = async () => {
  throw new Error('the dialog broke');
};
const SERVICE_URL = 'http://localhost:1';

describe('the embedded channel never leaves a failed turn silent', () => {
  it('apologizes in the page, in the message locale, when the bot can deliver no reply', async () => {
    const { channel, conversation, botTexts } = channelWith(new FakeAdapter(false), failing);
    await channel.post(conversation, { type: 'message', text: 'bonjour', locale: 'en-US' }, SERVICE_URL);
    expect(botTexts()).toEqual(['apology for en-US']);
  });

  it('apologizes when the welcome fails, in the conversation locale', async () => {
    const { channel, conversation, botTexts } = channelWith(new FakeAdapter(false), failing);
    await channel.conversationStarted(conversation, SERVICE_URL);
    expect(botTexts()).toEqual(['apology for fr-FR']);
  });

  it('apologizes when the adapter itself rejects the turn', async () => {
    const rejecting = { processActivityDirect: async () => Promise.reject(new Error('CloudAdapter.processActivityDirect(): ERROR')) };
    const { channel, conversation, botTexts } = channelWith(rejecting, async () => undefined);
    await channel.post(conversation, { type: 'message', text: 'bonjour' }, SERVICE_URL);
    expect(botTexts()).toEqual(['apology for fr-FR']);
  });

  it('adds nothing when the bot delivered its own apology', async () => {
    const adapter = new FakeAdapter(true);
    const { channel, conversation, botTexts } = channelWith(adapter, failing);
    await channel.post(conversation, { type: 'message', text: 'bonjour' }, SERVICE_URL);
    expect(adapter.sent.map((a) => a.text)).toEqual(['the bot apologizes']);
    expect(botTexts()).toEqual([]);
  });

  it('adds nothing to a turn that went well', async () => {
    const adapter = new FakeAdapter(true);
    const { channel, conversation, botTexts } = channelWith(adapter, async (context) => {
      await context.sendActivity('hello');
    });
    await channel.post(conversation, { type: 'message', text: 'bonjour' }, SERVICE_URL);
    expect(adapter.sent.map((a) => a.text)).toEqual(['hello']);
    expect(botTexts()).toEqual([]);
  });
});
