import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { FakeClock } from '../services/fakeClock.js';

const TOKEN = 'alice-token-0123456789abcdef';
const BOB = 'bob-token-0123456789abcdefgh';
const clock = new FakeClock(new Date('2026-11-30T10:00:00Z'));
let app: BotApp;
let base: string;

async function start(agentTokens: string) {
  const started = await createApp(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', AGENT_TOKENS: agentTokens }), createLogger('silent'), { clock });
  return { app: started, base: `http://127.0.0.1:${await listen(started.server, 0, '127.0.0.1')}` };
}

function stop(running: { app: BotApp }): Promise<void> {
  return new Promise<void>((resolve) => running.app.server.close(() => { running.app.close(); resolve(); }));
}

/** Signs in at the desk as a browser does; the session cookie, as the browser sends it back. */
async function deskSession(at: string, token: string): Promise<string> {
  const res = await fetch(`${at}/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^agent_session=./);
  return cookie;
}

const page = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: 'manual' });

beforeAll(async () => {
  ({ app, base } = await start(`alice:${TOKEN},bob:${BOB}`));
  const at = clock.now().toISOString();
  const common = { at, conversation: 'c1', user: 'u1', lang: 'en' as const };
  await app.feedback.store.add({ ...common, kind: 'unanswered', intent: 'none', score: 0.1, text: '<script>alert(1)</script> pay by card?' });
  await app.feedback.store.add({ ...common, kind: 'answered', intent: 'grace-period' });
  await app.feedback.store.add({ ...common, kind: 'handoff', intent: 'grace-period' });
});

afterAll(() => stop({ app }));

const get = (path: string, token?: string) => fetch(`${base}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe('the report over HTTP', () => {
  it('answers 401 without a token, with a wrong token, or with another scheme', async () => {
    expect((await get('/api/agent/report')).status).toBe(401);
    expect((await get('/api/agent/report', `${TOKEN}x`)).status).toBe(401);
    expect((await fetch(`${base}/api/agent/report`, { headers: { Authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    expect((await get('/api/agent/report/view', 'nope')).status).toBe(401);
  });

  it('gives an agent the JSON report of the period', async () => {
    const res = await get('/api/agent/report?since=7d&lang=fr', TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body: unknown = await res.json();
    expect(body).toMatchObject({ conversations: { total: 1, withHandoff: 1, resolvedWithoutAgent: 0 }, handoffs: [{ intent: 'grace-period', count: 1 }] });
  });

  it('refuses a period it cannot read with a clear error', async () => {
    const res = await get('/api/agent/report?since=forever', TOKEN);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/since/) });
  });

  it('escapes what users typed in the HTML view', async () => {
    const html = await (await get('/api/agent/report/view?lang=en', TOKEN)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('<svg');
  });

  it('gives the same JSON to an agent signed in at the desk (session cookie, no token)', async () => {
    const cookie = await deskSession(base, BOB);
    const res = await fetch(`${base}/api/agent/report?since=7d`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ conversations: { total: 1 } });
  });
});

describe('the report page, a page of the agent desk', () => {
  it('opens for an agent signed in at the desk, without signing in again, under a strict Content-Security-Policy', async () => {
    const cookie = await deskSession(base, TOKEN);
    const res = await page('/agent/report?lang=fr', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('href="/agent?lang=fr"');
    expect(html).not.toContain('id="token"');
    expect(html).not.toContain('pay by card');
  });

  it('without a session, sends the agent to the desk\'s sign-in, which brings them back', async () => {
    const bare = await page('/agent/report');
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/agent?next=%2Fagent%2Freport');
    const english = await page('/agent/report?lang=en');
    expect(english.headers.get('location')).toBe('/agent?lang=en&next=%2Fagent%2Freport%3Flang%3Den');
    expect(await english.text()).not.toContain('Answer quality');
  });

  it('does not open for a bearer token alone: pages go by the desk session', async () => {
    const res = await page('/agent/report?lang=en', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/agent\?/);
  });

  it('refuses forged, tampered, expired and revoked session cookies', async () => {
    const cookie = await deskSession(base, TOKEN);
    const [encoded, expires, signature] = cookie.slice('agent_session='.length).split('.');
    const as = (value: string) => page('/agent/report', { cookie: `agent_session=${value}` });
    // Someone else's name on alice's signature; a later expiry; a signature made up.
    expect((await as(`${Buffer.from('bob').toString('base64url')}.${expires}.${signature}`)).status).toBe(302);
    expect((await as(`${encoded}.${Number(expires) + 86_400_000}.${signature}`)).status).toBe(302);
    expect((await as(`${encoded}.${expires}.${'A'.repeat(signature?.length ?? 43)}`)).status).toBe(302);
    expect((await as('')).status).toBe(302);
    expect((await as('..')).status).toBe(302);
    expect((await as(`${encoded}.${expires}`)).status).toBe(302);
    expect((await page('/agent/report', { cookie })).status).toBe(200);
    // A session ends after 12 hours.
    clock.advance(12 * 60 * 60 * 1000 + 1000);
    try {
      expect((await page('/agent/report', { cookie })).status).toBe(302);
      expect((await fetch(`${base}/api/agent/report/view`, { headers: { cookie } })).status).toBe(401);
    } finally {
      clock.advance(-(12 * 60 * 60 * 1000 + 1000));
    }
  });

  it('refuses a session signed with a token that AGENT_TOKENS no longer holds (revoked by rotating it)', async () => {
    const cookie = await deskSession(base, TOKEN);
    const rotated = await start(`alice:alice-new-token-0123456789abcdef,bob:${BOB}`);
    try {
      const res = await fetch(`${rotated.base}/agent/report`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status).toBe(302);
      expect((await fetch(`${rotated.base}/api/agent/report`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await stop(rotated);
    }
  });

  it('puts nothing of the request in the sign-in address it redirects to', async () => {
    for (const query of ['?lang=//evil.example', '?lang=en%0d%0aSet-Cookie:x=1', '?next=https://evil.example', '?lang=<script>']) {
      const res = await page(`/agent/report${query}`);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/agent?next=%2Fagent%2Freport');
    }
  });

  it('opens with the local desk\'s one-time sign-in link when nothing is configured (npm start)', async () => {
    const local = await start('');
    try {
      const path = local.app.agentDesk.signInPath;
      if (!path) throw new Error('no sign-in link in local mode');
      const signIn = await fetch(`${local.base}${path}`, { redirect: 'manual' });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect((await fetch(`${local.base}/agent/report?lang=en`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
      expect((await fetch(`${local.base}/api/agent/report/view?lang=en`, { headers: { cookie } })).status).toBe(200);
    } finally {
      await stop(local);
    }
  });

  it('shares the desk\'s budget of failed authentications: 429 after 10 wrong tokens a minute', async () => {
    const guessing = await start(`alice:${TOKEN}`);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        statuses.push((await fetch(`${guessing.base}/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: `guess-${i}-0123456789abcdefghij` }) })).status);
      }
      for (let i = 0; i < 5; i += 1) {
        statuses.push((await fetch(`${guessing.base}/api/agent/report`, { headers: { authorization: `Bearer guess-${i}-0123456789abcdefghij` } })).status);
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
    } finally {
      await stop(guessing);
    }
  });
});

describe('AGENT_TOKENS and FEEDBACK_KEY_SECRET', () => {
  it('refuses short tokens and repeated names without repeating the secrets', () => {
    expect(() => loadConfig({ AGENT_TOKENS: 'alice:short-token' })).toThrow(/AGENT_TOKENS: .*24 characters/);
    expect(() => loadConfig({ AGENT_TOKENS: 'alice:short-token' })).not.toThrow(/short-token/);
    expect(() => loadConfig({ AGENT_TOKENS: `a:${TOKEN},a:${TOKEN}` })).toThrow(/agent names must be unique/);
    expect(loadConfig({ AGENT_TOKENS: ` alice:${TOKEN} , ` }).AGENT_TOKENS).toEqual([{ name: 'alice', token: TOKEN }]);
  });

  it('refuses a feedback key shorter than 32 characters without repeating it', () => {
    expect(loadConfig({ FEEDBACK_KEY_SECRET: 'k'.repeat(32) }).FEEDBACK_KEY_SECRET).toBe('k'.repeat(32));
    expect(() => loadConfig({ FEEDBACK_KEY_SECRET: 'too-short-secret' })).toThrow(/FEEDBACK_KEY_SECRET: must have at least 32 characters/);
    expect(() => loadConfig({ FEEDBACK_KEY_SECRET: 'too-short-secret' })).not.toThrow(/too-short-secret/);
  });
});
