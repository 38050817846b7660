import { createServer, type Server as HttpServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { capturingLogger } from '../support/logLines.js';

const MARIE = 'marie-token-0123456789abcdefghij';
let app: BotApp;
let base: string;
let channel: HttpServer;
let channelUrl: string;
const posted: string[] = [];
const log = capturingLogger();

beforeAll(async () => {
  // A channel that refuses every message the bot posts to the conversation.
  channel = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    req.on('end', () => {
      posted.push(body);
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"BotNotInConversationRoster"}}');
    });
  });
  await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', () => resolve()));
  const address = channel.address();
  channelUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  app = await createApp(loadConfig({ STORAGE: 'memory', AGENT_TOKENS: `Marie:${MARIE}`, SUPPORT_HOURS: 'mon-sun 00:00-24:00' }), log.logger);
  base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
});

afterAll(() => {
  app.server.close();
  app.close();
  channel.close();
});

const say = (text: string) => fetch(`${base}/api/messages`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    type: 'message', id: `m-${posted.length}-${text.length}`, text, locale: 'en-US', channelId: 'emulator', serviceUrl: channelUrl,
    deliveryMode: 'expectReplies', from: { id: 'customer-1' }, recipient: { id: 'bot' }, conversation: { id: 'conv-refused' },
  }),
});
const agent = (route: string, body?: unknown) => fetch(`${base}/api/agent${route}`, {
  method: 'POST', headers: { authorization: `Bearer ${MARIE}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}),
});

describe('the agent API says truthfully whether the customer got the reply', () => {
  it('answers delivered:false, delivery "failed" when the channel refuses the message, and sends the customer no apology for it', async () => {
    await say('talk to someone');
    await say('quote question');
    const [waiting] = await app.handoff.list('waiting');
    if (!waiting) throw new Error('no case opened');
    expect((await agent(`/cases/${waiting.id}/claim`)).status).toBe(200);
    const reply = await agent(`/cases/${waiting.id}/messages`, { text: 'Hello, I am looking at it.' });
    expect(await reply.json()).toMatchObject({ delivered: false, delivery: 'failed' });
    // Tried once for the claim notice and once for the reply: no apology turn after them.
    expect(posted).toHaveLength(2);
    expect(log.lines().filter((l) => l.msg === 'unhandled error in turn')).toEqual([]);
    expect(log.lines().filter((l) => l.msg === 'handoff: the message to the customer failed')).toHaveLength(2);
  });
});
