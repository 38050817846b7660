import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfNeeded, startBot } from './support/botProcess.js';

const children: ChildProcess[] = [];
let api: Server;
let apiUrl: string;
let apiCalls = 0;
/** How long the fake contract API takes to answer. */
let apiDelayMs = 1500;

beforeAll(async () => {
  buildIfNeeded();
  // A slow contract API: every turn that checks a proof waits for it.
  api = createServer((req, res) => {
    apiCalls += 1;
    req.resume();
    setTimeout(() => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
    }, apiDelayMs);
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const address = api.address();
  apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  api.close();
});

function turn(base: string, conversationId: string, text: string): Promise<Response> {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `m-${Math.random()}`, text, locale: 'en-US', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:1',
      deliveryMode: 'expectReplies', from: { id: `user-${conversationId}` }, recipient: { id: 'bot' }, conversation: { id: conversationId },
    }),
  });
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SIGTERM', () => {
  it('lets 10 slow turns in flight finish with their replies, then exits 0', async () => {
    const bot = await startBot({ CONTRACT_API_URL: apiUrl, CONTRACT_API_TOKEN: 't' }, children);
    const ids = Array.from({ length: 10 }, (_, i) => `drain-${i}`);
    apiDelayMs = 0;
    for (const id of ids) expect((await turn(bot.base, id, 'I want to check RNW-20481137')).status).toBe(200);
    apiDelayMs = 1500;
    const before = apiCalls;
    const pending = ids.map((id) => turn(bot.base, id, 'CRT-774310452').then(async (res) => ({ status: res.status, body: await res.text() })));
    await until(() => apiCalls - before >= 10, 5000);
    bot.child.kill('SIGTERM');
    const answers = await Promise.allSettled(pending);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value.status : String(a.reason)))).toEqual(ids.map(() => 200));
    for (const answer of answers) if (answer.status === 'fulfilled') expect(JSON.parse(answer.value.body)).toHaveProperty('activities');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('stopped after the requests in flight finished');
  }, 60_000);

  it('cuts requests still in flight after SHUTDOWN_TIMEOUT_MS, closes and exits 0', async () => {
    const bot = await startBot({ CONTRACT_API_URL: apiUrl, CONTRACT_API_TOKEN: 't', SHUTDOWN_TIMEOUT_MS: '300', CONTRACT_API_TIMEOUT_MS: '20000' }, children);
    apiDelayMs = 0;
    expect((await turn(bot.base, 'stuck', 'I want to check RNW-20481137')).status).toBe(200);
    apiDelayMs = 15_000;
    const before = apiCalls;
    const stuck = turn(bot.base, 'stuck', 'CRT-774310452').then((res) => res.status, () => 'cut');
    await until(() => apiCalls > before, 5000);
    const started = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await stuck).toBe('cut');
    expect(bot.stderr()).toContain('requests still in flight after 300 ms were cut');
  }, 60_000);
});
