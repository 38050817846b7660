import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { FakeClock } from '../services/fakeClock.js';
import { DirectLineTestClient } from '../http/directLineClient.js';

const MARIE = 'marie-token-0123456789abcdefghij';
const PAUL = 'paul-token-0123456789abcdefghijkl';

let app: BotApp;
let base: string;

beforeAll(async () => {
  const config = loadConfig({ STORAGE: 'memory', TOKEN_RATE_LIMIT_PER_MINUTE: '1000', AGENT_TOKENS: `Marie:${MARIE},Paul:${PAUL}` });
  app = await createApp(config, createLogger('silent'), { clock: new FakeClock(new Date('2026-11-30T10:00:00Z')) });
  const port = await listen(app.server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  app.server.close();
  app.close();
});

const fr = (key: string, vars: Record<string, unknown> = {}) => app.translator.forLang('fr')(key, vars);

function api(method: string, path: string, token: string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${base}/api/agent${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function bodyOf(res: Response): Promise<Record<string, unknown>> {
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null) throw new Error('not a JSON object');
  return Object.fromEntries(Object.entries(body));
}

/** A customer in the embedded Direct Line who asks for a person; returns the case number. */
async function customerWithCase(summary: string): Promise<{ client: DirectLineTestClient; caseId: string }> {
  const client = await DirectLineTestClient.open(base, 'fr-FR');
  await client.send('je voudrais parler à un conseiller');
  await client.send(summary);
  const opened = (await client.botMessages()).map((a) => a.text ?? '').find((t) => /CS-\d{5}/.test(t)) ?? '';
  const caseId = /CS-\d{5}/.exec(opened)?.[0];
  if (!caseId) throw new Error('no case number in the replies');
  return { client, caseId };
}

describe('the agent API', () => {
  it('answers 401 without a token, with a wrong token, and with a token of another scheme', async () => {
    for (const res of [
      await api('GET', '/cases', undefined),
      await api('GET', '/cases', 'x'.repeat(32)),
      await api('GET', '/cases', `${MARIE}x`),
      await fetch(`${base}/api/agent/cases`, { headers: { authorization: `Basic ${MARIE}` } }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect((await bodyOf(res)).error).toMatchObject({ code: 'unauthorized' });
    }
  });

  it('lists the waiting cases and shows one with its context, proofs redacted', async () => {
    const { caseId } = await customerWithCase('mon certificat CRT-774310452 est refusé');
    const list = await bodyOf(await api('GET', '/cases?status=waiting', MARIE));
    expect(list.cases).toEqual(expect.arrayContaining([expect.objectContaining({ id: caseId, status: 'waiting', lang: 'fr', channel: 'webchat', reason: 'asked' })]));
    const detail = await bodyOf(await api('GET', `/cases/${caseId}`, MARIE));
    expect(detail.summary).toBe('mon certificat […] est refusé');
    expect(JSON.stringify(detail)).not.toContain('774310452');
    expect(detail).not.toHaveProperty('address');
    expect(JSON.stringify(detail.transcript)).toContain('je voudrais parler à un conseiller');
  });

  it('refuses a bad status filter and an unknown or malformed case id', async () => {
    expect((await api('GET', '/cases?status=lost', MARIE)).status).toBe(400);
    expect((await api('GET', '/cases/CS-00000', MARIE)).status).toBe(404);
    expect((await api('GET', '/cases/..%2F..%2Fetc', MARIE)).status).toBe(404);
  });

  it('lets one agent claim, answers 409 to the second, and relays messages both ways through the embedded Direct Line', async () => {
    const { client, caseId } = await customerWithCase('question de devis');
    expect((await api('POST', `/cases/${caseId}/claim`, MARIE)).status).toBe(200);
    const second = await api('POST', `/cases/${caseId}/claim`, PAUL);
    expect(second.status).toBe(409);
    expect((await bodyOf(second)).error).toMatchObject({ code: 'claimed-by-other' });
    expect((await client.botMessages()).map((a) => a.text)).toEqual([fr('handoff.claimed', { agent: 'Marie', caseId })]);

    await client.send('il manque 5 licences sur le devis');
    expect(await client.botMessages()).toEqual([]);
    const reply = await api('POST', `/cases/${caseId}/messages`, MARIE, { text: 'Je corrige, un instant.' });
    expect(await bodyOf(reply)).toMatchObject({ delivered: true });
    expect((await client.botMessages()).map((a) => a.text)).toEqual([fr('handoff.fromAgent', { agent: 'Marie', text: 'Je corrige, un instant.' })]);
    const detail = await bodyOf(await api('GET', `/cases/${caseId}`, PAUL));
    expect(detail.messages).toEqual([
      expect.objectContaining({ from: 'customer', text: 'il manque 5 licences sur le devis' }),
      expect.objectContaining({ from: 'agent', author: 'Marie', text: 'Je corrige, un instant.' }),
    ]);
    expect((await api('POST', `/cases/${caseId}/messages`, PAUL, { text: 'moi aussi' })).status).toBe(409);
  });

  it('keeps notes from the customer', async () => {
    const { client, caseId } = await customerWithCase('question de facture');
    await api('POST', `/cases/${caseId}/claim`, MARIE);
    await client.botMessages();
    const note = await api('POST', `/cases/${caseId}/notes`, PAUL, { text: 'client connu, voir dossier 2025' });
    expect(note.status).toBe(200);
    expect(await client.botMessages()).toEqual([]);
    expect((await bodyOf(await api('GET', `/cases/${caseId}`, MARIE))).notes).toEqual([expect.objectContaining({ agent: 'Paul', text: 'client connu, voir dossier 2025' })]);
  });

  it('refuses empty or oversized texts with a clear error', async () => {
    const { caseId } = await customerWithCase('question');
    await api('POST', `/cases/${caseId}/claim`, MARIE);
    for (const body of [{}, { text: '   ' }, { text: 'x'.repeat(4001) }, { text: 42 }]) {
      const res = await api('POST', `/cases/${caseId}/messages`, MARIE, body);
      expect(res.status).toBe(400);
      expect((await bodyOf(res)).error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^text /) });
    }
    expect((await api('POST', `/cases/${caseId}/close`, MARIE, {})).status).toBe(400);
  });

  it('release hands the customer back to the bot', async () => {
    const { client, caseId } = await customerWithCase('question');
    await api('POST', `/cases/${caseId}/claim`, MARIE);
    expect((await api('POST', `/cases/${caseId}/release`, PAUL)).status).toBe(409);
    const released = await api('POST', `/cases/${caseId}/release`, MARIE);
    expect(await bodyOf(released)).toMatchObject({ status: 'closed', endedBy: 'released' });
    expect((await client.botMessages()).map((a) => a.text)).toContain(fr('handoff.released'));
    await client.send('bonjour');
    expect((await client.botMessages()).map((a) => a.text)).toEqual([fr('greeting')]);
  });

  it('close tells the customer the resolution; a closed case cannot be closed or claimed again', async () => {
    const { client, caseId } = await customerWithCase('question');
    await api('POST', `/cases/${caseId}/claim`, MARIE);
    const closed = await api('POST', `/cases/${caseId}/close`, MARIE, { resolution: 'Devis renvoyé' });
    expect(await bodyOf(closed)).toMatchObject({ status: 'closed', resolution: 'Devis renvoyé' });
    expect((await client.botMessages()).map((a) => a.text)).toContain(fr('handoff.closed', { caseId, resolution: 'Devis renvoyé' }));
    expect((await api('POST', `/cases/${caseId}/close`, MARIE, { resolution: 'encore' })).status).toBe(409);
    expect((await api('POST', `/cases/${caseId}/claim`, PAUL)).status).toBe(409);
    expect((await bodyOf(await api('GET', '/cases?status=closed', PAUL))).cases).toEqual(expect.arrayContaining([expect.objectContaining({ id: caseId })]));
  });
});

describe('the desk sign-in', () => {
  it('sets an HttpOnly SameSite=Strict session cookie (not Secure in local mode) that the API accepts', async () => {
    const bad = await fetch(`${base}/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'nope' }) });
    expect(bad.status).toBe(401);
    const res = await fetch(`${base}/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: PAUL }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^agent_session=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(';')[0] ?? '';
    const me = await fetch(`${base}/api/agent/me`, { headers: { cookie: session } });
    expect(await bodyOf(me)).toEqual({ agent: 'Paul' });
    const tampered = session.replace('agent_session=', 'agent_session=' + Buffer.from('Marie').toString('base64url') + '.9999999999999.').replace(/\.[^.]*$/, '.x');
    expect((await fetch(`${base}/api/agent/me`, { headers: { cookie: tampered } })).status).toBe(401);
  });

  it('refuses a cookie-authenticated write that is not JSON (a form posted from another site)', async () => {
    const res = await fetch(`${base}/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: PAUL }) });
    const session = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { caseId } = await customerWithCase('question');
    const form = await fetch(`${base}/api/agent/cases/${caseId}/claim`, { method: 'POST', headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect([400, 401]).toContain(form.status);
    const bare = await fetch(`${base}/api/agent/cases/${caseId}/claim`, { method: 'POST', headers: { cookie: session } });
    expect(bare.status).toBe(401);
    expect((await bodyOf(await api('GET', `/cases/${caseId}`, MARIE))).status).toBe('waiting');
  });

  it('serves the desk page in both languages', async () => {
    const page = await fetch(`${base}/agent`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const strings = await bodyOf(await fetch(`${base}/agent/strings.json`));
    expect(strings.fr).toMatchObject({ claim: 'Prendre' });
    expect(strings.en).toMatchObject({ claim: 'Claim' });
  });
});

describe('the live queue', () => {
  it('streams a case event when a case changes, and refuses a stream without a token', async () => {
    expect((await fetch(`${base}/api/agent/events`)).status).toBe(401);
    const abort = new AbortController();
    const res = await fetch(`${base}/api/agent/events`, { headers: { authorization: `Bearer ${MARIE}` }, signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no stream');
    const { caseId } = await customerWithCase('question en direct');
    let received = '';
    while (!received.includes(caseId)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += new TextDecoder().decode(chunk.value);
    }
    abort.abort();
    expect(received).toContain(`event: case\ndata: {"id":"${caseId}","status":"waiting"}`);
  });
});
