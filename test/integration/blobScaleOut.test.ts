import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { TestAdapter, TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../bot/i18n.js';
import { projectRoot } from '../../bot/paths.js';
import { ETagConversationState, isETagConflict } from '../../bot/state/index.js';
import { BlobAttemptStore, BlobDocuments, BlobQuoteOutbox, BlobQuoteStore, createBlobStores } from '../../bot/storage/index.js';
import type { DeliveryRecord } from '../../services/quotes/index.js';
import { attemptStoreContract } from '../services/verification/attemptStoreContract.js';
import { sendTurn } from '../support/httpTurns.js';
import { freePort, startAzurite, type Azurite } from './support/azurite.js';
import { startFakeConnector, type FakeConnector } from './support/fakeConnector.js';

let azurite: Azurite;
let containers = 0;
const children: ChildProcess[] = [];
let connector: FakeConnector | undefined;
const AGENT_TOKEN = 'marie-token-0123456789abcdefghij';

beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  connector?.close();
  await azurite?.stop();
});

const newContainer = () => `test-${process.pid}-${(containers += 1)}`;
const docsOn = (container: string) =>
  new BlobDocuments(Promise.resolve(BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container)));

describe('BlobAttemptStore on Azurite', () => {
  attemptStoreContract(() => {
    const container = newContainer();
    return Promise.resolve({ store: new BlobAttemptStore(docsOn(container)), second: new BlobAttemptStore(docsOn(container)) });
  });
});

describe('BlobQuoteStore on Azurite', () => {
  it('keeps every request when two instances add at once, oldest first, and ignores a repeated add', async () => {
    const container = newContainer();
    const [one, two] = [new BlobQuoteStore(docsOn(container)), new BlobQuoteStore(docsOn(container))];
    const quote = (i: number) => ({ id: `Q-${i}`, renewalId: 'RNW-20481137', requestedBy: `webchat:u${i}`, language: 'fr' as const, createdAt: new Date(Date.UTC(2026, 10, 30, 10, i)).toISOString() });
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? one : two).add(quote(9 - i))));
    await one.add(quote(3));
    expect((await two.listByRenewalId('RNW-20481137')).map((q) => q.id)).toEqual(Array.from({ length: 10 }, (_, i) => `Q-${i}`));
    expect(await one.listByRenewalId('RNW-30550912')).toEqual([]);
  }, 30_000);
});

describe('BlobQuoteOutbox on Azurite', () => {
  const aDelivery = (overrides: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
    id: 'Q-00000001/reseller-email', quoteId: 'Q-00000001', renewalId: 'RNW-20481137', channel: 'reseller-email',
    payload: { kind: 'mail', to: ['r@example.com'], subject: 's', text: 't', messageId: '<Q-00000001.reseller@x>' },
    state: 'pending', attempts: 0, createdAt: '2026-11-30T09:00:00.000Z', nextAttemptAt: '2026-11-30T09:00:00.000Z', reachedRecipient: false,
    ...overrides,
  });

  it('lists due deliveries oldest first, updates one, refuses unknown and repeated ids, across two instances', async () => {
    const container = newContainer();
    const [one, two] = [new BlobQuoteOutbox(docsOn(container)), new BlobQuoteOutbox(docsOn(container))];
    await one.add([
      aDelivery({ id: 'b', createdAt: '2026-11-30T09:00:01.000Z' }),
      aDelivery({ id: 'a', createdAt: '2026-11-30T09:00:00.000Z' }),
      aDelivery({ id: 'later', nextAttemptAt: '2026-11-30T10:00:00.000Z' }),
      aDelivery({ id: 'done', state: 'done', doneAt: '2026-11-30T09:00:00.000Z' }),
    ]);
    expect((await two.listDue(new Date('2026-11-30T09:30:00.000Z'), 10)).map((r) => r.id)).toEqual(['a', 'b']);
    expect((await two.listDue(new Date('2026-11-30T09:30:00.000Z'), 1)).map((r) => r.id)).toEqual(['a']);
    await two.update(aDelivery({ id: 'a', state: 'done', attempts: 1, doneAt: '2026-11-30T09:00:02.000Z', reachedRecipient: true }));
    expect((await one.listDue(new Date('2026-11-30T09:30:00.000Z'), 10)).map((r) => r.id)).toEqual(['b']);
    await expect(one.update(aDelivery({ id: 'unknown' }))).rejects.toThrow();
    await expect(two.add([aDelivery({ id: 'new' }), aDelivery({ id: 'a' })])).rejects.toThrow();
    expect((await one.listByRenewalId('RNW-20481137')).map((r) => r.id).sort()).toEqual(['a', 'b', 'done', 'later']);
    expect(await one.listByRenewalId('RNW-00000000')).toEqual([]);
  }, 30_000);
});

describe('BlobsStorage with eTag states', () => {
  it('creates the container when missing and refuses a write over a newer version', async () => {
    const container = newContainer();
    // As the wiring builds it: BlobsStorage plus create-only first writes (BlobStateStorage).
    const blobState = () => createBlobStores({ connectionString: azurite.connectionString, container }).storage;
    const storage = blobState();
    const turn = () => new TurnContext(new TestAdapter(), {
      type: 'message', channelId: 'test', serviceUrl: 'http://localhost',
      conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' }, from: { id: 'u1', name: 'u1' }, recipient: { id: 'bot', name: 'bot' },
    });
    const [first, second] = [new ETagConversationState(storage), new ETagConversationState(blobState())];
    const seed = turn();
    await first.createProperty<number>('n').set(seed, 0);
    await first.saveChanges(seed);
    const [a, b] = [turn(), turn()];
    await first.createProperty<number>('n').set(a, (await first.createProperty<number>('n').get(a, 0)) + 1);
    await second.createProperty<number>('n').set(b, (await second.createProperty<number>('n').get(b, 0)) + 100);
    await first.saveChanges(a);
    expect(isETagConflict(await second.saveChanges(b).catch((error: unknown) => error))).toBe(true);
    expect(await new ETagConversationState(storage).createProperty<number>('n').get(turn())).toBe(1);
    // The state is stored as botbuilder-azure-blobs stores it: its own BlobsStorage reads it.
    expect(Object.values(await new BlobsStorage(azurite.connectionString, container).read(['test/conversations/c1/']))).toEqual([expect.objectContaining({ n: 1 })]);
  }, 30_000);
});

/** Starts the real bot process on Blob Storage and waits until it answers. */
async function startBot(port: number, container: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/bot/index.js'], {
    cwd: projectRoot,
    env: {
      ...process.env, PORT: String(port), STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: container, LOG_LEVEL: 'silent',
      AGENT_TOKENS: `Marie:${AGENT_TOKEN}`, SUPPORT_HOURS: 'mon-sun 00:00-24:00',
    },
    stdio: 'ignore',
  });
  children.push(child);
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bot did not start in 30 s');
}

/** A channel's Bot Connector, closed after the tests. */
async function startConnector(): Promise<FakeConnector> {
  connector = await startFakeConnector();
  return connector;
}

function agentApi(base: string, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/api/agent${route}`, {
    method,
    headers: { authorization: `Bearer ${AGENT_TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** `npm run report` as an operator runs it, on the same container. */
function reportCli(container: string): unknown {
  const run = spawnSync(process.execPath, ['dist/bot/cli/report.js', '--since', '1d', '--format', 'json', '--lang', 'en'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: container },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('two bot processes on one Blob Storage container', () => {
  const t = createTranslator().forLang('en');
  const header = (step: number) => t('walk.header', { step, total: 6, title: t(`walk.steps.${step}.title`) });
  let first: ChildProcess;
  let one: string;
  let two: string;
  let container: string;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: projectRoot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    container = newContainer();
    const [portOne, portTwo] = [await freePort(), await freePort()];
    one = `http://127.0.0.1:${portOne}`;
    two = `http://127.0.0.1:${portTwo}`;
    [first] = await Promise.all([startBot(portOne, container), startBot(portTwo, container)]);
  }, 90_000);

  it('shares the count of failures: 20 parallel wrong proofs over both get at most 4 plain rejections', async () => {
    const who = (i: number) => ({ conversationId: `race-${i}`, userId: 'stranger' });
    const bases = [one, two];
    // Each conversation is brought to the proof question first, then all proofs go at once.
    for (let i = 0; i < 20; i += 1) await sendTurn(bases[i % 2] ?? one, 'status of RNW-30550912', who(i));
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => sendTurn(bases[i % 2] ?? one, `CRT-00000000${i % 10}`, who(i))));
    const texts = replies.map((r) => r[0]?.text ?? '');
    const rejected = texts.filter((text) => text === t('verify.rejected')).length;
    const paused = texts.filter((text) => text.startsWith(t('verify.locked', { time: '' }).slice(0, 30))).length;
    expect(rejected).toBeLessThanOrEqual(4);
    expect(rejected + paused).toBe(20);
    // The owner, from elsewhere, is not locked out by the stranger.
    const owner = { conversationId: 'owner-1', userId: 'owner' };
    await sendTurn(two, 'status of RNW-30550912', owner);
    expect((await sendTurn(two, 'CRT-820455173', owner))[0]?.text).toBe(t('verify.done', { renewalId: 'RNW-30550912' }));
  }, 60_000);

  it('continues on the second a conversation started on the first, and loses nothing when the first is killed: state, feedback, cases', async () => {
    const who = { conversationId: 'across', userId: 'customer-42' };
    expect((await sendTurn(one, 'I want to renew RNW-20481137', who))[0]?.text).toBe(t('verify.askProof', { renewalId: 'RNW-20481137' }));
    const verified = await sendTurn(two, 'CRT-774310452', who);
    expect(verified.map((a) => a.text ?? '').join('\n')).toContain(header(1));
    expect((await sendTurn(one, 'next', who))[0]?.text).toContain(header(2));

    // Another customer rates an answer, comments and asks for a person, across both instances.
    const channel = await startConnector();
    const customer = { conversationId: 'quality', userId: 'customer-7', serviceUrl: channel.url };
    expect((await sendTurn(one, 'is there a grace period?', customer)).map((a) => a.text ?? '').join('\n')).toContain(t('feedback.question'));
    expect((await sendTurn(two, t('feedback.no'), customer))[0]?.text).toBe(t('feedback.askMissing'));
    expect((await sendTurn(one, 'the price for RNW-20481137 is missing', customer))[0]?.text).toBe(t('feedback.thanksComment'));
    expect((await sendTurn(two, 'talk to an agent', customer))[0]?.text).toBe(t('handoff.askSummary'));
    const opened = (await sendTurn(one, 'wrong quote', customer))[0]?.text ?? '';
    const caseId = /CS-\d{5}/.exec(opened)?.[0] ?? '';
    expect(caseId).not.toBe('');

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect((await sendTurn(two, 'next', who))[0]?.text).toContain(header(3));

    // The case opened on the killed instance is in the second one's queue, and it relays.
    const queue: unknown = await (await agentApi(two, 'GET', '/cases?status=waiting')).json();
    expect(queue).toEqual({ cases: [expect.objectContaining({ id: caseId, summary: 'wrong quote' })] });
    expect((await agentApi(two, 'POST', `/cases/${caseId}/claim`)).status).toBe(200);
    expect(await (await agentApi(two, 'POST', `/cases/${caseId}/messages`, { text: 'Let me check your quote.' })).json()).toMatchObject({ delivered: true });
    expect(await sendTurn(two, 'it lacks 5 licences', customer)).toEqual([]);
    const detail: unknown = await (await agentApi(two, 'GET', `/cases/${caseId}`)).json();
    expect(detail).toMatchObject({ messages: [expect.objectContaining({ from: 'agent' }), expect.objectContaining({ from: 'customer', text: 'it lacks 5 licences' })] });
    expect(channel.texts).toEqual([
      t('handoff.claimed', { agent: 'Marie', caseId }),
      t('handoff.fromAgent', { agent: 'Marie', text: 'Let me check your quote.' }),
    ]);

    // The feedback recorded by the killed instance is in the second one's report, and the CLI's.
    const grace = expect.objectContaining({ id: 'grace-period', notHelpful: 1, comments: ['the price for [renewal-id] is missing'] });
    const report: unknown = await (await agentApi(two, 'GET', '/report?since=1d&lang=en')).json();
    expect(report).toMatchObject({ entries: expect.arrayContaining([grace]), conversations: { withHandoff: 1 } });
    expect(reportCli(container)).toMatchObject({ entries: expect.arrayContaining([grace]), conversations: { withHandoff: 1 } });
  }, 90_000);
});
