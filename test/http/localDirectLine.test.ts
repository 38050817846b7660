import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { MAX_TEXT_LENGTH } from '../../bot/http/activityGuard.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { formatDateText } from '../../dialogs/formatDate.js';
import { DirectLineTestClient, json } from './directLineClient.js';

let app: BotApp;
let base: string;

beforeAll(async () => {
  app = await createApp(loadConfig({ STORAGE: 'memory', TOKEN_RATE_LIMIT_PER_MINUTE: '1000' }), createLogger('silent'));
  const port = await listen(app.server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  app.server.close();
  app.close();
});

const fr = (key: string) => app.translator.forLang('fr')(key);
const en = (key: string) => app.translator.forLang('en')(key);
type ErrorBody = { error: { code: string; message: string } };

describe('the embedded Direct Line endpoint (local mode)', () => {
  it('hands out a token for the local endpoint, with a user id made by the server', async () => {
    const client = await DirectLineTestClient.open(base);
    expect(client.session).toMatchObject({
      domain: `${base}/v3/directline`,
      webSocket: false,
      expires_in: 1800,
      userId: expect.stringMatching(/^dl_/),
      conversationId: expect.any(String),
    });
  });

  it('welcomes the user in the conversation locale when the conversation starts', async () => {
    const client = await DirectLineTestClient.open(base, 'fr-FR');
    const replies = await client.botMessages();
    expect(replies.map((a) => a.text)).toEqual([fr('welcome')]);
    expect(client.watermark).toBe('1');
  });

  it('answers "bonjour" in French, echoing the user activity with its client id first', async () => {
    const client = await DirectLineTestClient.open(base);
    await client.poll();
    const res = await client.send('bonjour', { channelData: { clientActivityID: 'client-1' }, locale: 'fr-FR' });
    expect(res.status).toBe(200);
    const { id } = await json<{ id: string }>(res);
    expect(id).toContain(client.session.conversationId);

    const activities = await client.poll();
    expect(activities[0]).toMatchObject({ id, type: 'message', text: 'bonjour', from: { id: client.session.userId, role: 'user' }, channelData: { clientActivityID: 'client-1' } });
    expect(activities.slice(1).map((a) => a.text)).toEqual([fr('greeting')]);
    expect(activities[1]).toMatchObject({ from: { role: 'bot' }, replyToId: id });
    expect(client.watermark).toBe('3');
    expect(await client.poll()).toEqual([]);
  });

  it('answers a French question without accents with the knowledge-base answer and its follow-up buttons', async () => {
    const client = await DirectLineTestClient.open(base);
    await client.poll();
    await client.send("c'est quoi la periode de grace");
    const [reply] = await client.botMessages();
    expect(reply?.text).toBe(`${formatDateText(app.kb.faq('grace-period').fr.answer, 'fr')}\n\n${app.translator.forLang('fr')('feedback.question')}`);
    expect(reply?.suggestedActions?.actions?.map((a) => a.title)).toContain(app.kb.title('reinstate-lapsed', 'fr'));
  });

  it('answers in English when the message is in English, whatever the conversation locale', async () => {
    const client = await DirectLineTestClient.open(base, 'fr-FR');
    await client.poll();
    await client.send('is there a grace period if I renew late?', { locale: 'en-US' });
    const [reply] = await client.botMessages();
    expect(reply?.text).toBe(`${formatDateText(app.kb.faq('grace-period').en.answer, 'en')}\n\n${app.translator.forLang('en')('feedback.question')}`);
  });

  it('replays the whole history from watermark 0 after a reconnect', async () => {
    const client = await DirectLineTestClient.open(base);
    await client.send('bonjour');
    const reconnect = await client.call('GET', `/conversations/${client.session.conversationId}?watermark=0`);
    expect(reconnect.status).toBe(200);
    const { token, conversationId } = await json<{ token: string; conversationId: string }>(reconnect);
    expect(conversationId).toBe(client.session.conversationId);
    const again = new DirectLineTestClient({ ...client.session, token });
    again.watermark = '0';
    expect((await again.poll()).map((a) => a.text)).toEqual([fr('welcome'), 'bonjour', fr('greeting')]);
  });

  it('resumes the same conversation when it is started again with its token', async () => {
    const client = await DirectLineTestClient.open(base);
    const res = await client.call('POST', '/conversations', {});
    expect(res.status).toBe(200);
    expect((await client.poll()).map((a) => a.text)).toEqual([fr('welcome')]);
  });

  it('answers 404 with a Direct Line error for an unknown conversation id', async () => {
    const client = await DirectLineTestClient.open(base);
    const res = await client.call('GET', '/conversations/no-such-conversation/activities?watermark=0');
    expect(res.status).toBe(404);
    expect(await json<ErrorBody>(res)).toEqual({ error: { code: 'BadArgument', message: expect.stringContaining('no-such-conversation') } });
    const post = await client.call('POST', '/conversations/no-such-conversation/activities', { type: 'message', text: 'hi' });
    expect(post.status).toBe(404);
  });

  it('refuses a message longer than the bot accepts with 413', async () => {
    const client = await DirectLineTestClient.open(base);
    const res = await client.send('a'.repeat(MAX_TEXT_LENGTH + 1));
    expect(res.status).toBe(413);
    expect(await json<ErrorBody>(res)).toEqual({ error: { code: 'MessageSizeTooBig', message: expect.any(String) } });
  });

  it('refuses a body over 256 KB with 413', async () => {
    const client = await DirectLineTestClient.open(base);
    const res = await client.send('hello', { channelData: { padding: 'x'.repeat(300_000) } });
    expect(res.status).toBe(413);
  });

  it('refuses activity types a client may not post, and bodies that are not activities, with 400', async () => {
    const client = await DirectLineTestClient.open(base);
    const update = await client.send('', { type: 'conversationUpdate' });
    expect(update.status).toBe(400);
    expect(await json<ErrorBody>(update)).toEqual({ error: { code: 'BadArgument', message: expect.stringContaining('activity.type') } });
    const notJson = await client.call('POST', `/conversations/${client.session.conversationId}/activities`, '{not json');
    expect(notJson.status).toBe(400);
  });

  it('answers 401 without a token and 403 with a token for another conversation', async () => {
    const mine = await DirectLineTestClient.open(base);
    const theirs = await DirectLineTestClient.open(base);
    const path = `/conversations/${theirs.session.conversationId}/activities?watermark=0`;
    const anonymous = await fetch(`${mine.session.domain}${path}`);
    expect(anonymous.status).toBe(401);
    const wrong = await mine.call('GET', path);
    expect(wrong.status).toBe(403);
    expect(await json<ErrorBody>(wrong)).toMatchObject({ error: { code: 'Forbidden' } });
  });

  it('refuses pages of origins that are not allowed with 403, and lets same-origin pages in', async () => {
    const generate = (origin: string) => fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { origin } });
    const refused = await generate('https://evil.example.net');
    expect(refused.status).toBe(403);
    expect(await json<ErrorBody>(refused)).toMatchObject({ error: { code: 'Forbidden', message: expect.stringContaining('ALLOWED_ORIGINS') } });
    expect((await generate(base)).status).toBe(200);
  });

  it('ignores the user id a client claims in an activity: the user is the one the token names', async () => {
    const client = await DirectLineTestClient.open(base);
    await client.poll();
    await client.send('bonjour', { from: { id: 'dl_someone-else', role: 'user' } });
    const [echo] = await client.poll();
    expect(echo?.from?.id).toBe(client.session.userId);
  });
});

describe('POST /api/notify (local mode)', () => {
  const notify = (body: unknown) =>
    fetch(`${base}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('sends a proactive message that appears on the next poll, without a user message', async () => {
    const client = await DirectLineTestClient.open(base);
    await client.poll();
    const res = await notify({ conversationId: client.session.conversationId, text: 'Your quote is ready.' });
    expect(res.status).toBe(200);
    const activities = await client.poll();
    expect(activities.map((a) => [a.from?.role, a.text])).toEqual([['bot', 'Your quote is ready.']]);
    // Not a reply to the conversationUpdate, which clients never see (Web Chat would wait for it).
    expect(activities[0]?.replyToId).toBeUndefined();
  });

  it('writes a reminder in the language of the conversation', async () => {
    const french = await DirectLineTestClient.open(base, 'fr-FR');
    await french.poll();
    await notify({ conversationId: french.session.conversationId, reminder: 'renewalDue' });
    expect((await french.botMessages()).map((a) => a.text)).toEqual([fr('webChat.reminders.renewalDue')]);

    const english = await DirectLineTestClient.open(base, 'en-US');
    await english.poll();
    await notify({ conversationId: english.session.conversationId, reminder: 'renewalDue' });
    expect((await english.botMessages()).map((a) => a.text)).toEqual([en('webChat.reminders.renewalDue')]);
  });

  it('writes a reminder in the language the user chose, not the browser locale', async () => {
    const client = await DirectLineTestClient.open(base, 'fr-FR');
    await client.poll();
    await client.send('speak English', { locale: 'fr-FR' });
    expect((await client.botMessages()).map((a) => a.text)).toEqual([en('language.switched')]);
    await notify({ conversationId: client.session.conversationId, reminder: 'renewalDue' });
    expect((await client.botMessages()).map((a) => a.text)).toEqual([en('webChat.reminders.renewalDue')]);
  });

  it('answers 404 for a conversation the bot has not seen, and 400 for a body without text or reminder', async () => {
    const unknown = await notify({ conversationId: 'nobody', text: 'hello' });
    expect(unknown.status).toBe(404);
    expect(await json<ErrorBody>(unknown)).toMatchObject({ error: { code: 'BadArgument' } });
    const empty = await notify({ conversationId: 'nobody' });
    expect(empty.status).toBe(400);
  });
});

describe('the support page', () => {
  it('serves the page with a Content-Security-Policy, Web Chat from node_modules and the page strings', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/webchat/webchat.js');

    const bundle = await fetch(`${base}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);

    const strings = await json<Record<'fr' | 'en', Record<string, string>>>(await fetch(`${base}/webchat/strings.json`));
    expect(strings.fr.title).toBe(fr('webChat.page.title'));
    expect(strings.en.title).toBe('Maintenance renewal assistant');
  });

  it('serves the embed script', async () => {
    const res = await fetch(`${base}/embed.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-target');
  });
});

describe('production mode (an app id is set)', () => {
  let prod: BotApp;
  let prodBase: string;

  beforeAll(async () => {
    prod = await createApp(loadConfig({ STORAGE: 'memory', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used', MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002', VERIFICATION_KEY_SECRET: 'test-secret' }), createLogger('silent'));
    prodBase = `http://127.0.0.1:${await listen(prod.server, 0, '127.0.0.1')}`;
  });

  afterAll(() => {
    prod.server.close();
    prod.close();
  });

  it('switches the embedded Direct Line endpoint, its connector side and /api/notify off (404)', async () => {
    const post = (path: string) => fetch(`${prodBase}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await post('/v3/directline/tokens/generate')).status).toBe(404);
    expect((await post('/v3/directline/conversations')).status).toBe(404);
    expect((await fetch(`${prodBase}/v3/directline/conversations/x/activities`)).status).toBe(404);
    expect((await post('/v3/conversations/x/activities')).status).toBe(404);
    expect((await post('/api/notify')).status).toBe(404);
    expect(prod.webChat.store).toBeUndefined();
  });

  it('answers 503 for a chat token when no Direct Line secret is configured', async () => {
    const res = await fetch(`${prodBase}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(503);
    expect(await json<ErrorBody>(res)).toMatchObject({ error: { code: 'NotConfigured', message: expect.stringContaining('DIRECT_LINE_SECRET') } });
  });
});
