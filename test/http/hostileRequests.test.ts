import { createServer as createHttpServer, request, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { heapAfterGc } from '../support/heap.js';
import { chatToken, DirectLineTestClient, json, type ChatSession } from './directLineClient.js';

let app: BotApp;
let base: string;
let port: number;
/** A stranger's server: the bot must never POST to it in local mode (SSRF). */
let victim: Server;
let victimUrl: string;
let victimHits = 0;

beforeAll(async () => {
  app = createApp(loadConfig({ STORAGE: 'memory', TOKEN_RATE_LIMIT_PER_MINUTE: '1000' }), createLogger('silent'));
  port = await listen(app.server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
  victim = createHttpServer((req, res) => {
    victimHits += 1;
    req.resume();
    res.end('{}');
  });
  // Listening on loopback like everything in tests; the bot is told it is another host.
  await new Promise<void>((resolve) => victim.listen(0, '127.0.0.1', resolve));
  const address = victim.address();
  victimUrl = `http://victim.example.test:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => {
  app.server.close();
  app.close();
  victim.close();
});

type ErrorBody = { error: { code: string; message: string } };

function activity(extra: Record<string, unknown> = {}) {
  return {
    type: 'message', id: `a-${Math.random()}`, text: 'hello', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1',
    from: { id: 'u1' }, recipient: { id: 'bot' }, conversation: { id: `c-${Math.random()}` }, ...extra,
  };
}

function postMessage(body: unknown): Promise<Response> {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** A raw request with a chosen Host header (fetch does not let a caller set it). */
function rawPost(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res: IncomingMessage) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('serviceUrl in local mode (no app id): the bot calls back only this machine', () => {
  it.each([
    ['another host', 'http://victim.example.test/'],
    ['a cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', 'http://10.0.0.7:8080/'],
    ['a non-HTTP scheme', 'file:///etc/passwd'],
    ['credentials in the URL', 'http://user:pw@127.0.0.1:1/'],
  ])('refuses an activity whose serviceUrl is %s with 400, before any turn', async (_what, serviceUrl) => {
    const res = await postMessage(activity({ serviceUrl }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringContaining('activity.serviceUrl') });
  });

  it.each(['http://localhost:3978', 'http://127.0.0.1:3978', 'http://[::1]:3978', 'https://127.0.0.2:1'])('accepts the loopback serviceUrl %s (the Emulator, the embedded Direct Line)', async (serviceUrl) => {
    const res = await postMessage(activity({ serviceUrl, deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
  });

  it('never posts to a stranger\'s serviceUrl, neither for the turn nor later through /api/notify', async () => {
    const conversation = { id: 'ssrf-conv' };
    await postMessage(activity({ serviceUrl: victimUrl, conversation }));
    const notify = await fetch(`${base}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversationId: 'ssrf-conv', text: 'hi' }) });
    expect(notify.status).toBe(404);
    expect(victimHits).toBe(0);
    expect(app.webChat.references.get('ssrf-conv')).toBeUndefined();
  });
});

describe('client-controlled fields on /api/messages', () => {
  it('refuses ids and names longer than any channel sends with 400', async () => {
    for (const extra of [{ from: { id: 'u'.repeat(600) } }, { conversation: { id: 'c'.repeat(600) } }, { from: { id: 'u', name: 'n'.repeat(300) } }]) {
      const res = await postMessage(activity(extra));
      expect(res.status).toBe(400);
    }
  });

  it('keeps only ids, names and roles in conversation references, whatever else the activity carries', async () => {
    const res = await postMessage(activity({
      deliveryMode: 'expectReplies',
      conversation: { id: 'ref-conv', padding: 'x'.repeat(20_000), tenantId: 't1' },
      from: { id: 'u-ref', name: 'Claire', role: 'user', padding: 'x'.repeat(200_000) },
      recipient: { id: 'bot', name: 'Bot', padding: 'x'.repeat(20_000) },
    }));
    expect(res.status).toBe(200);
    const reference = app.webChat.references.get('ref-conv');
    expect(reference).toEqual({
      conversation: { id: 'ref-conv', name: '', isGroup: false, conversationType: '', tenantId: 't1' },
      user: { id: 'u-ref', name: 'Claire', role: 'user' },
      bot: { id: 'bot', name: 'Bot' },
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:1',
      activityId: expect.any(String),
    });
    expect(JSON.stringify(reference).length).toBeLessThan(1000);
  });

  it('keeps the heap level after 500 messages whose `from` carries 200 KB, on distinct conversations', async () => {
    // Each answer is read to its end, so the test's own client keeps nothing of the request.
    const send = async (i: number) => (await postMessage(activity({ deliveryMode: 'expectReplies', conversation: { id: `heap-${i}` }, from: { id: `u-${i}`, padding: 'x'.repeat(200_000) } }))).text();
    await send(-1);
    const before = heapAfterGc();
    for (let i = 0; i < 500; i += 5) await Promise.all([0, 1, 2, 3, 4].map((k) => send(i + k)));
    const grown = (heapAfterGc() - before) / 1e6;
    // The whole objects would be 100 MB; what is kept is a few hundred bytes per conversation.
    expect(grown).toBeLessThan(10);
  }, 60_000);

  it('answers 400, not 500, to objects nested 10,000 deep', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep.replace(/^\{"a":/, '{"type":"message","a":') });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringContaining('nests deeper than 32 levels') });
  });
});

describe('the embedded Direct Line: strict client activities', () => {
  it('never stores typing activities', async () => {
    const client = await DirectLineTestClient.open(base);
    await client.poll();
    for (let i = 0; i < 50; i += 1) expect((await client.send('', { type: 'typing' })).status).toBe(200);
    expect(await client.poll()).toEqual([]);
  });

  it('drops fields a client invents instead of storing them', async () => {
    const client = await DirectLineTestClient.open(base);
    await client.poll();
    expect((await client.send('bonjour', { invented: 'x'.repeat(50_000), from: { id: 'someone-else', name: 'Me', padding: 'y'.repeat(1000) } })).status).toBe(200);
    const [echo] = await client.poll();
    expect(echo).not.toHaveProperty('invented');
    expect(echo?.from).toEqual({ id: client.session.userId, name: 'Me', role: 'user' });
  });

  it('refuses an activity over 64 KB with 413 MessageSizeTooBig', async () => {
    const client = await DirectLineTestClient.open(base);
    const res = await client.send('hello', { channelData: { padding: 'x'.repeat(70_000) } });
    expect(res.status).toBe(413);
    expect(await json<ErrorBody>(res)).toEqual({ error: { code: 'MessageSizeTooBig', message: expect.stringContaining('65536 bytes') } });
  });

  it('keeps a conversation within its byte budget: the oldest activities go first', async () => {
    const client = await DirectLineTestClient.open(base);
    const before = app.webChat.store?.bytes ?? 0;
    for (let i = 0; i < 12; i += 1) await client.send('hello', { value: { padding: 'x'.repeat(60_000) }, type: 'event', name: 'padding' });
    const grown = (app.webChat.store?.bytes ?? 0) - before;
    expect(grown).toBeLessThanOrEqual(262_144);
    const res = await client.call('GET', `/conversations/${client.session.conversationId}/activities?watermark=0`);
    const set = await json<{ activities: unknown[] }>(res);
    expect(set.activities.length).toBeLessThan(12);
  });
});

describe('the embedded tokens/generate route', () => {
  const generate = (body: unknown) => fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('refuses a user id the client chose without the server\'s signature (403)', async () => {
    const res = await generate({ user: { id: 'dl_someone-else' } });
    expect(res.status).toBe(403);
    expect(await json<ErrorBody>(res)).toEqual({ error: { code: 'Forbidden', message: expect.stringContaining('userSignature') } });
    expect((await generate({ user: { id: 'dl_someone-else' }, userSignature: 'forged' })).status).toBe(403);
  });

  it('accepts a user id with the signature /api/directline/token gave for it, and a request without a user id', async () => {
    const session = await json<ChatSession>(await chatToken(base));
    const res = await generate({ user: { id: session.userId }, userSignature: session.userSignature });
    expect(res.status).toBe(200);
    expect((await generate({})).status).toBe(200);
  });
});

describe('the token route\'s origin check and DNS rebinding', () => {
  it('refuses a page whose domain name was re-pointed to this machine, although Origin and Host match', async () => {
    const host = `rebind.example.net:${port}`;
    const res = await rawPost('/api/directline/token', { host, origin: `http://${host}` }, '{}');
    expect(res.status).toBe(403);
  });

  it('still lets in the bot\'s own page at localhost and at an IP address', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const res = await rawPost('/api/directline/token', { host, origin: `http://${host}` }, '{}');
      expect(res.status, host).toBe(200);
    }
  });
});
