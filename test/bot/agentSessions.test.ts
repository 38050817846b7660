import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentDirectory } from '../../bot/agentDesk/agentDirectory.js';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { FakeClock, MINUTE } from '../services/fakeClock.js';

const MARIE = 'marie-token-0123456789abcdefghij';
const START = new Date('2026-11-30T10:00:00Z');

describe('desk sessions (AgentDirectory)', () => {
  const directory = (clock: FakeClock, token = MARIE, idle?: number) =>
    new AgentDirectory([{ name: 'Marie', token }], clock, idle === undefined ? {} : { sessionIdleMs: idle });

  it('ends a session when the agent signs out: the same cookie no longer signs in', () => {
    const agents = directory(new FakeClock(START));
    const { value } = agents.newSession('Marie');
    expect(agents.bySession(value)).toBe('Marie');
    expect(agents.endSession(value)).toBe('Marie');
    expect(agents.bySession(value)).toBeUndefined();
    expect(agents.endSession(value)).toBeUndefined();
  });

  it('ends a session left idle for 30 minutes (the default); each use starts the idle time again', () => {
    const clock = new FakeClock(START);
    const agents = directory(clock);
    const used = agents.newSession('Marie').value;
    const left = agents.newSession('Marie').value;
    clock.advance(29 * MINUTE);
    expect(agents.bySession(used)).toBe('Marie');
    clock.advance(29 * MINUTE);
    expect(agents.bySession(used)).toBe('Marie');
    expect(agents.bySession(left)).toBeUndefined();
    clock.advance(30 * MINUTE);
    expect(agents.bySession(used)).toBeUndefined();
  });

  it('takes the configured idle time, and never lasts beyond 12 hours however busy', () => {
    const clock = new FakeClock(START);
    const agents = directory(clock, MARIE, 5 * MINUTE);
    const short = agents.newSession('Marie').value;
    clock.advance(5 * MINUTE);
    expect(agents.bySession(short)).toBeUndefined();
    const busy = agents.newSession('Marie').value;
    for (let i = 0; i < 12 * 15 - 1; i += 1) {
      clock.advance(4 * MINUTE);
      expect(agents.bySession(busy)).toBe('Marie');
    }
    clock.advance(4 * MINUTE);
    expect(agents.bySession(busy)).toBeUndefined();
  });

  it('a restart ends every session; a changed or removed token makes the cookie worthless', () => {
    const clock = new FakeClock(START);
    const { value } = directory(clock).newSession('Marie');
    expect(directory(clock).bySession(value)).toBeUndefined();
    expect(directory(clock, `${MARIE}-changed`).bySession(value)).toBeUndefined();
    expect(new AgentDirectory([{ name: 'Paul', token: MARIE }], clock).bySession(value)).toBeUndefined();
  });

  it('refuses forged and tampered cookies', () => {
    const agents = directory(new FakeClock(START));
    const { value } = agents.newSession('Marie');
    const [name, expires, id, signature] = value.split('.');
    const other = agents.newSession('Marie').value.split('.')[2];
    for (const forged of [
      `${name}.${expires}.${other}.${signature}`,
      `${name}.${Number(expires) + 1}.${id}.${signature}`,
      `${Buffer.from('Paul').toString('base64url')}.${expires}.${id}.${signature}`,
      `${value}.x`, `${name}.${expires}.${id}`, '', '...', 'a.b.c.d',
    ]) expect(agents.bySession(forged)).toBeUndefined();
    expect(agents.bySession(value)).toBe('Marie');
  });

  it('refuses a negative or zero idle time in configuration', () => {
    expect(loadConfig({}).AGENT_SESSION_IDLE_MINUTES).toBe(30);
    expect(loadConfig({ AGENT_SESSION_IDLE_MINUTES: '15' }).AGENT_SESSION_IDLE_MINUTES).toBe(15);
    for (const bad of ['0', '-5', 'soon']) expect(() => loadConfig({ AGENT_SESSION_IDLE_MINUTES: bad })).toThrow(/AGENT_SESSION_IDLE_MINUTES/);
  });
});

describe('desk sessions over HTTP', () => {
  let app: BotApp;
  let base: string;
  const clock = new FakeClock(START);

  beforeAll(async () => {
    app = await createApp(loadConfig({ STORAGE: 'memory', AGENT_TOKENS: `Marie:${MARIE}`, AGENT_SESSION_IDLE_MINUTES: '20' }), createLogger('silent'), { clock });
    base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
  });
  afterAll(() => {
    app.server.close();
    app.close();
  });

  async function signIn(): Promise<string> {
    const res = await fetch(`${base}/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: MARIE }) });
    expect(res.status).toBe(200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  const me = (cookie: string) => fetch(`${base}/api/agent/me`, { headers: { cookie } });

  it('the desk\'s sign-out ends the session on the server: a copy of the cookie is refused afterwards', async () => {
    const cookie = await signIn();
    expect((await me(cookie)).status).toBe(200);
    const out = await fetch(`${base}/agent/signout`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await me(cookie)).status).toBe(401);
    expect((await fetch(`${base}/api/agent/cases`, { headers: { cookie } })).status).toBe(401);
  });

  it('a sign-out request from another site (not JSON) ends nothing', async () => {
    const cookie = await signIn();
    const out = await fetch(`${base}/agent/signout`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(out.headers.get('set-cookie')).toBeNull();
    expect((await me(cookie)).status).toBe(200);
  });

  it('ends a session idle for AGENT_SESSION_IDLE_MINUTES', async () => {
    const cookie = await signIn();
    clock.advance(19 * MINUTE);
    expect((await me(cookie)).status).toBe(200);
    clock.advance(20 * MINUTE);
    expect((await me(cookie)).status).toBe(401);
  });
});
