import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, buildIfNeeded, startBot, type BotProcess } from './support/botProcess.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** One raw request (fetch would refuse some of these headers), answered or failed. */
function send(base: string, method: string, path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const PRODUCTION = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'not-used',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
  VERIFICATION_KEY_SECRET: 'integration-test-secret',
};

const ROUTES: Array<[string, string]> = [['POST', '/api/messages'], ['GET', '/healthz'], ['GET', '/'], ['POST', '/api/directline/token']];

describe.each([
  ['local mode', {}, [...ROUTES, ['POST', '/v3/directline/tokens/generate'], ['POST', '/api/notify']]],
  ['production mode', PRODUCTION, ROUTES],
])('compressed and bogus request bodies, %s', (_mode, env, routes) => {
  let bot: BotProcess;
  beforeAll(async () => {
    buildIfNeeded();
    bot = await startBot(env, children);
  }, 60_000);

  it.each(routes)('refuses a 5-byte body that claims to be gzip on %s %s with 415, and stays up', async (method, path) => {
    const res = await send(bot.base, method, path, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, Buffer.from('hello'));
    expect(res.status).toBe(415);
    expect(res.body).toContain('Content-Encoding');
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(bot)).toBe(true);
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
  });

  it('refuses truncated gzip and deflate bodies, and stays up', async () => {
    const gzip = gzipSync(Buffer.from(JSON.stringify({ type: 'message' })));
    for (const [encoding, body] of [['gzip', gzip.subarray(0, 12)], ['deflate', Buffer.from([0x78, 0x9c, 1, 2])], ['br', Buffer.from('x')], ['GZIP, identity', gzip]] as const) {
      const res = await send(bot.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': encoding }, body);
      expect(res.status).toBe(415);
    }
    expect(alive(bot)).toBe(true);
  });

  it('refuses a 20 KB gzip body that inflates to 20 MB without inflating it', async () => {
    const bomb = gzipSync(Buffer.from(JSON.stringify({ type: 'message', text: 'a'.repeat(20_000_000) })));
    expect(bomb.length).toBeLessThan(100_000);
    const res = await send(bot.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb);
    expect(res.status).toBe(415);
    expect(alive(bot)).toBe(true);
  });

  it('refuses a plain body over the limit with 413, and objects nested 10,000 deep with 400, logging no failure', async () => {
    const big = await send(bot.base, 'POST', '/api/messages', { 'content-type': 'application/json' }, Buffer.alloc(300_000, 0x20));
    expect(big.status).toBe(413);
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const nested = await send(bot.base, 'POST', '/api/messages', { 'content-type': 'application/json' }, Buffer.from(deep));
    expect(nested.status).toBe(400);
    expect(nested.body).toContain('nests deeper');
    expect(alive(bot)).toBe(true);
    expect(bot.stderr()).not.toContain('"level":50');
  });
});
