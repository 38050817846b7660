import {
  ConfigurationBotFrameworkAuthentication, MemoryStorage, TestAdapter, TurnContext,
  type Activity, type ConversationParameters,
} from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../bot/app.js';
import { ServiceUrlGuard } from '../../bot/channelTrust.js';
import { loadConfig } from '../../bot/config.js';
import { MessagesAdapter } from '../../bot/http/adapterEndpoint.js';
import { ServiceUrlPolicy } from '../../bot/http/serviceUrls.js';
import { createLogger } from '../../bot/logger.js';
import { buttonsOf, channelIdentity } from '../support/botHarness.js';
import { capturingLogger } from '../support/logLines.js';
import { FakeMailer } from '../services/quotes/fakeMailer.js';

const TENANT = '3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43';
const BOT = { id: '28:bot-app-id', name: 'Renewal Assistant' };
const ALICE = { id: '29:alice', name: 'Alice', aadObjectId: '0b7c2d4e-1111-4a2b-9c3d-5e6f7a8b9c0d' };
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const CHANNEL: Partial<Activity> = {
  channelId: 'msteams', serviceUrl: SERVICE_URL, from: ALICE, recipient: BOT,
  conversation: { id: '19:renewals@thread.tacv2', isGroup: true, conversationType: 'channel', name: '', tenantId: TENANT },
  channelData: { channel: { id: '19:renewals@thread.tacv2', name: 'Renewals' }, tenant: { id: TENANT } },
};
const PRODUCTION = { MicrosoftAppId: 'bot-app-id', MicrosoftAppPassword: 'not-used-offline', MicrosoftAppType: 'MultiTenant', VERIFICATION_KEY_SECRET: 'k'.repeat(64) };

interface CreateCall {
  botAppId: string;
  channelId: string;
  serviceUrl: string;
  audience: string;
  parameters: ConversationParameters;
}

/**
 * CloudAdapter's createConversationAsync as Teams answers it: records its arguments, then runs
 * the callback in the new conversation (whose messages it keeps), or fails as told (403: the app
 * is not installed for the user), or never runs the callback (a middleware ended the turn).
 */
class RecordingAdapter extends TestAdapter {
  readonly calls: CreateCall[] = [];
  readonly privateMessages: Array<Partial<Activity>> = [];
  outcome: 'create' | 'forbidden' | 'silent' = 'create';

  override async createConversationAsync(botAppId: string, channelId: string, serviceUrl: string, audience: string, parameters: ConversationParameters, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    this.calls.push({ botAppId, channelId, serviceUrl, audience, parameters });
    if (this.outcome === 'forbidden') throw Object.assign(new Error('Forbidden: the bot is not installed for this user'), { statusCode: 403 });
    if (this.outcome === 'silent') return;
    const created = new TurnContext(this, {
      type: 'event', name: 'CreateConversation', channelId, serviceUrl,
      conversation: { id: 'a:1-to-1', isGroup: false, name: '', conversationType: 'personal', tenantId: parameters.tenantId ?? '' },
      from: parameters.members?.[0] ?? { id: '', name: '' }, recipient: parameters.bot,
    });
    created.onSendActivities(async (_context, activities) => {
      this.privateMessages.push(...activities);
      return activities.map(() => ({ id: 'sent' }));
    });
    await logic(created);
  }
}

function teamsBot(options: { authenticated: boolean; template?: Partial<Activity>; locale?: string }) {
  const log = capturingLogger();
  const parts = createBot(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', ...PRODUCTION }), log.logger, { storage: new MemoryStorage(), mailer: new FakeMailer() });
  const adapter = new RecordingAdapter((context) => parts.bot.run(context), { ...CHANNEL, ...options.template, locale: options.locale ?? 'en-US' });
  adapter.onTurnError = parts.onTurnError;
  if (options.authenticated) adapter.use(channelIdentity());
  for (const m of parts.middleware) adapter.use(m);
  const say = (lang: 'fr' | 'en', key: string, vars: Record<string, unknown> = {}) => parts.translator.forLang(lang)(key, vars);
  const warnings = () => log.lines().filter((line) => line['event'] === 'personal-chat-unavailable');
  return { adapter, say, warnings, title: (lang: 'fr' | 'en') => parts.kb.title('check-status', lang) };
}

describe('the Teams personal chat opened from a channel', () => {
  it('creates a one-to-one conversation with the user, in their tenant, and greets them there in their language', async () => {
    const bot = teamsBot({ authenticated: true, locale: 'fr-FR' });
    await bot.adapter.send('quel est le statut de mon contrat ?').assertReply(bot.say('fr', 'privateChat.sent'));
    expect(bot.adapter.calls).toEqual([{
      botAppId: 'bot-app-id', channelId: 'msteams', serviceUrl: SERVICE_URL, audience: 'https://api.botframework.com',
      parameters: { isGroup: false, bot: BOT, members: [{ id: ALICE.id, name: ALICE.name }], tenantId: TENANT, channelData: { tenant: { id: TENANT } } },
    }]);
    expect(bot.adapter.privateMessages).toHaveLength(1);
    const [first] = bot.adapter.privateMessages;
    expect(first?.text).toBe(bot.say('fr', 'privateChat.first.status', { place: bot.say('fr', 'privateChat.place.channelNamed', { name: 'Renewals' }) }));
    expect(buttonsOf(first ?? {})).toEqual([bot.title('fr')]);
    expect(bot.warnings()).toHaveLength(0);
  });

  it('says how to open the chat when Teams refuses (403: app not installed for the user), with one JSON warning line', async () => {
    const bot = teamsBot({ authenticated: true });
    bot.adapter.outcome = 'forbidden';
    await bot.adapter.send('check my contract status').assertReply(bot.say('en', 'privateChat.howToTeams', { bot: BOT.name }));
    expect(bot.warnings()).toEqual([expect.objectContaining({ reason: 'create-failed', statusCode: 403, level: 40 })]);
  });

  it('says how to open the chat when the new conversation\'s turn never ran (nothing was sent)', async () => {
    const bot = teamsBot({ authenticated: true });
    bot.adapter.outcome = 'silent';
    await bot.adapter.send('check my contract status').assertReply(bot.say('en', 'privateChat.howToTeams', { bot: BOT.name }));
    expect(bot.warnings()).toEqual([expect.objectContaining({ reason: 'not-sent' })]);
  });

  it('opens no chat for a request claiming Teams and a tenant without authentication (local mode)', async () => {
    const bot = teamsBot({ authenticated: false });
    await bot.adapter.send('check my contract status').assertReply(bot.say('en', 'privateChat.howToTeams', { bot: BOT.name }));
    expect(bot.adapter.calls).toHaveLength(0);
    expect(bot.warnings()).toEqual([expect.objectContaining({ reason: 'unauthenticated' })]);
  });

  it('opens no chat without a tenant, without the user\'s Entra id, or outside Teams', async () => {
    const cases: Array<[Partial<Activity>, string, string]> = [
      [{ conversation: { id: '19:x', isGroup: true, conversationType: 'channel', name: '' }, channelData: {} }, 'no-tenant', 'privateChat.howToTeams'],
      [{ from: { id: '29:guest', name: 'Guest' } }, 'no-user', 'privateChat.howToTeams'],
      [{ channelId: 'webchat' }, 'not-teams', 'privateChat.howTo'],
    ];
    for (const [template, reason, key] of cases) {
      const bot = teamsBot({ authenticated: true, template });
      await bot.adapter.send('check my contract status').assertReply(bot.say('en', key, { bot: BOT.name }));
      expect(bot.adapter.calls).toHaveLength(0);
      expect(bot.warnings()).toEqual([expect.objectContaining({ reason })]);
    }
  });
});

describe('turns the bot starts itself in production', () => {
  it('pass the serviceUrl guard (CloudAdapter leaves them unauthenticated): the first private message and handoff notices go out', async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({ ...PRODUCTION, MicrosoftAppTenantId: '' });
    const adapter = new MessagesAdapter(auth);
    adapter.use(new ServiceUrlGuard(new ServiceUrlPolicy(true), createLogger('silent')));
    let ran = false;
    await adapter.continueConversationAsync('bot-app-id', { serviceUrl: SERVICE_URL, channelId: 'msteams', conversation: { id: 'a:1-to-1', isGroup: false, name: '', conversationType: 'personal' }, bot: BOT, user: ALICE }, async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});
