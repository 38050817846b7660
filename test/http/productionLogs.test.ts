import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { FakeClock } from '../services/fakeClock.js';

let app: BotApp;
let base: string;
let lines: string[] = [];
const clock = new FakeClock(new Date('2026-11-30T10:00:00Z'));

beforeAll(async () => {
  // The bot cannot fetch Microsoft's signing keys here: as when login.botframework.com is unreachable.
  nock.disableNetConnect();
  nock.enableNetConnect(/^(localhost|127\.0\.0\.1)(:\d+)?$/);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter((l) => l !== ''));
      done();
    },
  });
  const config = loadConfig({
    STORAGE: 'memory',
    MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
    MicrosoftAppPassword: 'not-used',
    MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
    VERIFICATION_KEY_SECRET: 'test-secret',
  });
  app = createApp(config, pino({ level: 'info' }, sink), { clock });
  base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
});

afterAll(() => {
  app.server.close();
  app.close();
  nock.enableNetConnect();
});

const activity = {
  type: 'message', id: 'a1', text: 'hello', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: 'u1' }, recipient: { id: 'bot' }, conversation: { id: 'c1', tenantId: '3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43' },
};

const forged = [
  'Bearer not-a-jwt',
  'Bearer eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2lnbmF0dXJl',
  `Bearer ${Buffer.from('{"alg":"RS256","kid":"x"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000001', exp: 4102444800 })).toString('base64url')}.AAAA`,
  '',
];

async function post(authorization: string): Promise<Response> {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(activity) });
}

describe('forged tokens in production mode', () => {
  it.each(forged)('answer with a generic body that names nothing inside (%s)', async (authorization) => {
    lines = [];
    const res = await post(authorization);
    expect([401, 500]).toContain(res.status);
    const body = await res.text();
    expect(body === '{"error":"unauthorized"}' || body === '{"error":"internal error"}').toBe(true);
    expect(lines.length).toBe(1);
    const line: unknown = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({ msg: expect.any(String), err: { message: expect.any(String) } });
  });

  it('write at most 60 log lines a minute however many arrive, then say how many were held back', async () => {
    lines = [];
    clock.advance(120_000);
    for (let i = 0; i < 100; i += 1) await post('Bearer not-a-jwt');
    expect(lines.length).toBe(60);
    expect(lines.every((l) => JSON.parse(l) !== undefined)).toBe(true);
    clock.advance(2_000);
    await post('Bearer not-a-jwt');
    expect(JSON.parse(lines[60] ?? '{}')).toMatchObject({ suppressed: 40 });
  });
});
