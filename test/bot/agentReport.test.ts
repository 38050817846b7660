import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { BearerTokenAuthenticator } from '../../bot/http/agentAuth/agentAuthenticator.js';

const TOKEN = 'alice-token-0123456789abcdef';
let app: BotApp;
let base: string;

beforeAll(async () => {
  app = await createApp(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', AGENT_TOKENS: `alice:${TOKEN},bob:bob-token-0123456789abcdefgh` }), createLogger('silent'));
  base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
  const at = new Date().toISOString();
  const common = { at, conversation: 'c1', user: 'u1', lang: 'en' as const };
  await app.feedback.store.add({ ...common, kind: 'unanswered', intent: 'none', score: 0.1, text: '<script>alert(1)</script> pay by card?' });
  await app.feedback.store.add({ ...common, kind: 'answered', intent: 'grace-period' });
  await app.feedback.store.add({ ...common, kind: 'handoff', intent: 'grace-period' });
});

afterAll(async () => {
  await new Promise<void>((resolve) => app.server.close(() => resolve()));
  app.close();
});

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

  it('serves the page shell without data, under a strict Content-Security-Policy', async () => {
    const res = await get('/agent/report?lang=fr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toContain('pay by card');
  });
});

describe('BearerTokenAuthenticator', () => {
  const auth = new BearerTokenAuthenticator([{ name: 'alice', token: TOKEN }]);
  it('names the agent of a valid token and nobody otherwise', () => {
    expect(auth.authenticate({ headers: { authorization: `Bearer ${TOKEN}` } })).toBe('alice');
    expect(auth.authenticate({ headers: { authorization: `bearer   ${TOKEN}` } })).toBe('alice');
    expect(auth.authenticate({ headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` } })).toBeUndefined();
    expect(auth.authenticate({ headers: { authorization: ['Bearer', TOKEN] } })).toBeUndefined();
    expect(auth.authenticate({ headers: {} })).toBeUndefined();
    expect(new BearerTokenAuthenticator([]).authenticate({ headers: { authorization: `Bearer ${TOKEN}` } })).toBeUndefined();
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
