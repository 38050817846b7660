import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../bot/i18n.js';
import { projectRoot } from '../../bot/paths.js';
import { startFakeConnector, type FakeConnector } from './support/fakeConnector.js';

const TOKEN = 'marie-token-0123456789abcdefghij';
const dir = mkdtempSync(path.join(tmpdir(), 'handoff-restart-'));
const children: ChildProcess[] = [];
let connector: FakeConnector | undefined;
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  connector?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The real bot process on a SQLite file, agents always at their desks. */
async function startBot(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/bot/index.js'], {
    cwd: projectRoot,
    env: {
      ...process.env, PORT: String(port), STORAGE: 'sqlite', STORAGE_FILE: path.join(dir, 'state.sqlite'), LOG_LEVEL: 'silent',
      AGENT_TOKENS: `Marie:${TOKEN}`, SUPPORT_HOURS: 'mon-sun 00:00-24:00',
    },
    stdio: 'ignore',
  });
  children.push(child);
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the bot did not start in 10 s');
}

/** A channel's Bot Connector, closed after the tests. */
async function startConnector(): Promise<FakeConnector> {
  connector = await startFakeConnector();
  return connector;
}

async function say(base: string, serviceUrl: string, text: string): Promise<string[]> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `m-${Date.now()}-${Math.random()}`, text, locale: 'fr-FR', channelId: 'webchat', serviceUrl,
      deliveryMode: 'expectReplies', from: { id: 'customer-7' }, recipient: { id: 'bot' }, conversation: { id: 'conv-restart' },
    }),
  });
  const body: unknown = await res.json();
  const activities = typeof body === 'object' && body !== null && 'activities' in body && Array.isArray(body.activities) ? body.activities : [];
  return activities.flatMap((a: unknown) => (typeof a === 'object' && a !== null && 'text' in a && typeof a.text === 'string' ? [a.text] : []));
}

function agent(base: string, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/api/agent${route}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 50));
}

describe('a handoff case survives a restart of the bot', () => {
  it('is still in the queue after SIGKILL and a restart, and the agent relays to it both ways', async () => {
    const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: projectRoot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const t = createTranslator().forLang('fr');
    const channel = await startConnector();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startBot(port);

    expect(await say(base, channel.url, 'je voudrais parler à un conseiller')).toEqual([t('handoff.askSummary')]);
    const opened = (await say(base, channel.url, 'devis faux')).join('\n');
    const caseId = /CS-\d{5}/.exec(opened)?.[0] ?? '';
    expect(opened).toBe(t('handoff.opened', { caseId, minutes: 5 }));

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await startBot(port);

    const queue: unknown = await (await agent(base, 'GET', '/cases?status=waiting')).json();
    expect(queue).toEqual({ cases: [expect.objectContaining({ id: caseId, summary: 'devis faux' })] });
    expect((await agent(base, 'POST', `/cases/${caseId}/claim`)).status).toBe(200);
    const reply = await agent(base, 'POST', `/cases/${caseId}/messages`, { text: 'Bonjour, je regarde votre devis.' });
    expect(await reply.json()).toMatchObject({ delivered: true });
    await until(() => channel.texts.length >= 2);
    expect(channel.texts).toEqual([
      t('handoff.claimed', { agent: 'Marie', caseId }),
      t('handoff.fromAgent', { agent: 'Marie', text: 'Bonjour, je regarde votre devis.' }),
    ]);

    expect(await say(base, channel.url, 'merci, il manque 5 licences')).toEqual([]);
    const detail: unknown = await (await agent(base, 'GET', `/cases/${caseId}`)).json();
    expect(detail).toMatchObject({ messages: [expect.objectContaining({ from: 'agent' }), expect.objectContaining({ from: 'customer', text: 'merci, il manque 5 licences' })] });
  }, 60_000);
});
