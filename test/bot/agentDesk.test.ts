import { describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app.js';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';

const TOKEN = 'marie-token-0123456789abcdefghij';
/** What production mode needs besides the agents. */
const PRODUCTION = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'not-used',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
  VERIFICATION_KEY_SECRET: 'test-secret',
};

async function running(env: Record<string, string>) {
  const app = await createApp(loadConfig({ STORAGE: 'memory', ...env }), createLogger('silent'));
  const port = await listen(app.server, 0, '127.0.0.1');
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    stop: () => {
      app.server.close();
      app.close();
    },
  };
}

describe('agent configuration', () => {
  it.each([
    ['marie:short', /at least 24 characters/],
    [`${TOKEN}`, /name:token/],
    [`marie:${TOKEN},marie:${TOKEN}x`, /names must be unique/],
    [`marie:${TOKEN},paul:${TOKEN}`, /tokens must be unique/],
  ])('refuses AGENT_TOKENS=%s', (value, message) => {
    expect(() => loadConfig({ AGENT_TOKENS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ AGENT_TOKENS: value })).toThrow(message);
  });

  it('refuses bad support hours and time zones, naming the variable', () => {
    expect(() => loadConfig({ SUPPORT_HOURS: 'weekdays 9 to 5' })).toThrow(/SUPPORT_HOURS/);
    expect(() => loadConfig({ SUPPORT_TIMEZONE: 'Paris' })).toThrow(/SUPPORT_TIMEZONE/);
    expect(() => loadConfig({ HANDOFF_MODE: 'phone' })).toThrow(/HANDOFF_MODE/);
  });

  it('defaults: desk mode, Monday to Friday 09:00-18:00, Europe/Paris', () => {
    expect(loadConfig({})).toMatchObject({ HANDOFF_MODE: 'desk', SUPPORT_HOURS: 'mon-fri 09:00-18:00', SUPPORT_TIMEZONE: 'Europe/Paris', AGENT_TOKENS: [] });
  });
});

describe('the local desk sign-in link', () => {
  it('with the embedded defaults, signs in once as the local agent, then is used up', async () => {
    const bot = await running({});
    try {
      const path = bot.app.agentDesk.signInPath;
      if (!path) throw new Error('no sign-in link in local mode');
      const first = await fetch(`${bot.base}${path}`, { redirect: 'manual' });
      expect(first.status).toBe(302);
      expect(first.headers.get('location')).toBe('/agent');
      const session = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(await (await fetch(`${bot.base}/api/agent/me`, { headers: { cookie: session } })).json()).toEqual({ agent: 'local' });
      const again = await fetch(`${bot.base}${path}`, { redirect: 'manual' });
      expect(again.headers.get('location')).toBe('/agent?signin=expired');
      expect(again.headers.get('set-cookie')).toBeNull();
    } finally {
      bot.stop();
    }
  });

  it('is not offered when AGENT_TOKENS is set', async () => {
    const bot = await running({ AGENT_TOKENS: `marie:${TOKEN}` });
    try {
      expect(bot.app.agentDesk.signInPath).toBeUndefined();
    } finally {
      bot.stop();
    }
  });

  it('production: no local agent, and the session cookie is Secure', async () => {
    const bot = await running({ ...PRODUCTION, AGENT_TOKENS: `marie:${TOKEN}` });
    try {
      expect(bot.app.agentDesk.signInPath).toBeUndefined();
      const res = await fetch(`${bot.base}/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: TOKEN }) });
      expect(res.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    } finally {
      bot.stop();
    }
  });

  it('production without AGENT_TOKENS: nobody can sign in', async () => {
    const bot = await running(PRODUCTION);
    try {
      expect(bot.app.agentDesk.signInPath).toBeUndefined();
      expect((await fetch(`${bot.base}/api/agent/cases`, { headers: { authorization: 'Bearer ' } })).status).toBe(401);
    } finally {
      bot.stop();
    }
  });
});

describe('guessing agent tokens', () => {
  it('answers 429 after 10 sign-in attempts a minute from one address', async () => {
    const bot = await running({ AGENT_TOKENS: `marie:${TOKEN}` });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        const res = await fetch(`${bot.base}/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: `guess-${i}-0123456789abcdefghij` }) });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
    } finally {
      bot.stop();
    }
  });
});
