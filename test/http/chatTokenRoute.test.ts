import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import type { Server } from 'restify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { directLineIssuer } from '../../bot/http/directLine/chatTokenIssuers.js';
import { registerChatTokenRoute } from '../../bot/http/directLine/chatTokenRoute.js';
import { DirectLineTokenClient } from '../../bot/http/directLine/directLineTokenClient.js';
import { OriginPolicy } from '../../bot/http/directLine/originPolicy.js';
import { TokenBucketLimiter } from '../../bot/http/directLine/tokenBucket.js';
import { UserIds } from '../../bot/http/directLine/userIds.js';
import { createServer, listen } from '../../bot/http/server.js';
import { FakeClock } from '../services/fakeClock.js';
import { json } from './directLineClient.js';

const SECRET = 'dl-secret_7Hq2.DO-NOT-LEAK';
const DIRECT_LINE = 'https://directline.example.test';
const ENDPOINT = `${DIRECT_LINE}/v3/directline`;
const SHOP = 'https://shop.example.com';

let server: Server;
let base: string;
let clock: FakeClock;
let logs: string[];

function directLine(): nock.Scope {
  return nock(DIRECT_LINE, { reqheaders: { authorization: `Bearer ${SECRET}` } });
}

async function requestToken(body: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(localhost|127\.0\.0\.1)(:\d+)?$/);
});

beforeEach(async () => {
  clock = new FakeClock(new Date('2025-03-01T10:00:00Z'));
  logs = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  let n = 0;
  server = createServer({ logger, messages: { process: async () => undefined } });
  registerChatTokenRoute(server, {
    issuer: directLineIssuer(new DirectLineTokenClient({ secret: SECRET, endpoint: ENDPOINT }), ENDPOINT),
    users: new UserIds(Buffer.from('user-id-key'), () => `u${(n += 1)}`),
    origins: new OriginPolicy([SHOP]),
    limiter: new TokenBucketLimiter({ perMinute: 10, clock }),
    logger,
  });
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});

afterEach(() => {
  server.close();
  const unused = nock.pendingMocks();
  nock.cleanAll();
  expect(unused).toEqual([]);
});

afterAll(() => {
  nock.enableNetConnect();
});

type TokenBody = { token: string; conversationId: string; userId: string; userSignature: string; expires_in: number; domain: string; webSocket: boolean };
type ErrorBody = { error: { code: string; message: string } };

describe('POST /api/directline/token with DIRECT_LINE_SECRET', () => {
  it('exchanges the secret for a token bound to a user id made by the server', async () => {
    const scope = directLine()
      .post('/v3/directline/tokens/generate', { user: { id: 'dl_u1' } })
      .reply(200, { conversationId: 'conv-1', token: 'dl-token-1', expires_in: 1800 });
    const res = await requestToken();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json<TokenBody>(res);
    expect(body).toEqual({
      token: 'dl-token-1',
      conversationId: 'conv-1',
      userId: 'dl_u1',
      userSignature: expect.any(String),
      expires_in: 1800,
      domain: ENDPOINT,
      webSocket: true,
    });
    expect(JSON.stringify(body)).not.toContain(SECRET);
    scope.done();
  });

  it('keeps the user id the browser sends back with its signature, and replaces a forged one', async () => {
    directLine().post('/v3/directline/tokens/generate', { user: { id: 'dl_u1' } }).reply(200, { conversationId: 'c1', token: 't1', expires_in: 1800 });
    const first = await json<TokenBody>(await requestToken());

    directLine().post('/v3/directline/tokens/generate', { user: { id: 'dl_u1' } }).reply(200, { conversationId: 'c2', token: 't2', expires_in: 1800 });
    const again = await json<TokenBody>(await requestToken({ userId: first.userId, userSignature: first.userSignature }));
    expect(again.userId).toBe('dl_u1');

    directLine().post('/v3/directline/tokens/generate', { user: { id: 'dl_u2' } }).reply(200, { conversationId: 'c3', token: 't3', expires_in: 1800 });
    const forged = await json<TokenBody>(await requestToken({ userId: 'dl_victim', userSignature: first.userSignature }));
    expect(forged.userId).toBe('dl_u2');
  });

  it.each([
    ['an HTTP error', () => directLine().post('/v3/directline/tokens/generate').reply(403, { error: { code: 'Forbidden', message: `bad secret ${SECRET}` } })],
    ['a server error', () => directLine().post('/v3/directline/tokens/generate').reply(500, 'oops')],
    ['a network failure', () => directLine().post('/v3/directline/tokens/generate').replyWithError('connect ECONNREFUSED')],
    ['an answer that is not a token', () => directLine().post('/v3/directline/tokens/generate').reply(200, { hello: 'world' })],
  ])('answers 502 with a clear error when Direct Line fails (%s), leaking the secret neither to the page nor to the logs', async (_case, failure) => {
    const scope = failure();
    const res = await requestToken();
    expect(res.status).toBe(502);
    const text = await res.text();
    const body: ErrorBody = JSON.parse(text);
    expect(body).toEqual({ error: { code: 'ServiceError', message: expect.stringContaining('try again') } });
    expect(text).not.toContain(SECRET);
    expect(logs.join('')).toContain('Direct Line token exchange failed');
    expect(logs.join('')).not.toContain(SECRET);
    scope.done();
  });
});

describe('origins', () => {
  it('answers 403 with a clear JSON error to a page of an origin that is not allowed', async () => {
    const res = await requestToken({}, { origin: 'https://evil.example.net' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'Forbidden', message: expect.stringContaining('https://evil.example.net') } });
  });

  it('lets an allowed origin in, with the CORS headers it needs, after its preflight', async () => {
    const preflight = await fetch(`${base}/api/directline/token`, { method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP);

    directLine().post('/v3/directline/tokens/generate').reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    const res = await requestToken({}, { origin: SHOP });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('lets the bot’s own pages in (same origin)', async () => {
    directLine().post('/v3/directline/tokens/generate').reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    const res = await requestToken({}, { origin: base });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After after 10 tokens in a minute, and serves again once a token is back', async () => {
    directLine().post('/v3/directline/tokens/generate').times(11).reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    for (let i = 0; i < 10; i += 1) expect((await requestToken()).status).toBe(200);

    const limited = await requestToken();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(await limited.json()).toEqual({ error: { code: 'TooManyRequests', message: expect.stringContaining('6 seconds') } });

    clock.advance(6_000);
    expect((await requestToken()).status).toBe(200);
  });
});

describe('without a token source', () => {
  it('answers 503 saying what to configure', async () => {
    const logger = pino({ level: 'silent' });
    const bare = createServer({ logger, messages: { process: async () => undefined } });
    registerChatTokenRoute(bare, {
      users: new UserIds(Buffer.from('k'), () => 'x'),
      origins: new OriginPolicy([]),
      limiter: new TokenBucketLimiter({ perMinute: 10, clock }),
      logger,
    });
    const port = await listen(bare, 0, '127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${port}/api/directline/token`, { method: 'POST' });
    bare.close();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'NotConfigured', message: expect.stringContaining('DIRECT_LINE_SECRET') } });
  });
});
