import { BlobServiceClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { TestAdapter, TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { feedbackKeySecret } from '../../bot/feedback/feedbackKeySecret.js';
import { ETagConversationState, isETagConflict } from '../../bot/state/index.js';
import { BlobDocuments, BlobFeedbackStore, createBlobStores, type Stores } from '../../bot/storage/index.js';
import { WalkthroughProgress } from '../../dialogs/contracts/walkthroughProgress.js';
import { CREATE_ONLY_ETAG } from '../../services/createOnly.js';
import type { RenewalId } from '../../services/contracts/index.js';
import type { FeedbackEvent } from '../../services/feedback/index.js';
import { HandoffService, parseOpeningSpans, StorageCaseStore, SupportHours, type CustomerNotice } from '../../services/handoff/index.js';
import { aNewCase } from '../services/handoff/handoffFixture.js';
import { FakeClock, MINUTE } from '../services/fakeClock.js';
import { startAzurite, type Azurite } from './support/azurite.js';

let azurite: Azurite;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);

afterAll(async () => {
  await azurite?.stop();
});

const newContainer = () => `stores-${process.pid}-${(containers += 1)}`;
/** Two instances of the bot on one container: each builds its own stores, as the wiring does. */
function twoInstances(container = newContainer()): [Stores, Stores] {
  const open = () => createBlobStores({ connectionString: azurite.connectionString, container });
  return [open(), open()];
}

function aTurn(conversationId: string): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message', text: 'bonjour', channelId: 'webchat', serviceUrl: 'http://localhost',
    conversation: { id: conversationId, isGroup: false, name: '', conversationType: 'personal' }, from: { id: 'u1', name: 'u1' }, recipient: { id: 'bot', name: 'bot' },
  });
}

describe('bot state in Blob Storage: first writes are create-only', () => {
  it('lets exactly one of twelve racing creators over two instances write a new key; the others get an eTag conflict', async () => {
    const container = newContainer();
    const [a, b] = twoInstances(container);
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? a : b).storage.write({ 'webchat/conversations/new-1': { writer: i, text: 'Préavis d’échéance — été', eTag: CREATE_ONLY_ETAG } })));
    const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => isETagConflict(o.reason))).toBe(true);
    // Stored as BlobsStorage stores it: the plain BlobsStorage of the other instance reads it.
    const read = await new BlobsStorage(azurite.connectionString, container).read(['webchat/conversations/new-1']);
    expect(read['webchat/conversations/new-1']).toMatchObject({ writer: won[0], text: 'Préavis d’échéance — été' });
  }, 30_000);

  it('keeps ordinary writes: with the eTag read (refused when stale) and with "*"', async () => {
    const [a, b] = twoInstances();
    await a.storage.write({ k: { n: 1, eTag: CREATE_ONLY_ETAG } });
    const { k: seen } = await b.storage.read(['k']);
    const eTag = typeof seen === 'object' && seen !== null && 'eTag' in seen && typeof seen.eTag === 'string' ? seen.eTag : '';
    await b.storage.write({ k: { n: 2, eTag } });
    expect(isETagConflict(await a.storage.write({ k: { n: 3, eTag } }).catch((error: unknown) => error))).toBe(true);
    await a.storage.write({ k: { n: 4, eTag: '*' } });
    expect((await b.storage.read(['k'])).k).toMatchObject({ n: 4 });
  }, 30_000);

  it('refuses the later of two instances starting the same conversation at once, keeps the earlier, and the next turn saves over it', async () => {
    const [a, b] = twoInstances();
    const [stateA, stateB] = [new ETagConversationState(a.storage), new ETagConversationState(b.storage)];
    const [turnA, turnB] = [aTurn('started-twice'), aTurn('started-twice')];
    await stateA.createProperty<string>('said').set(turnA, 'proof on A');
    await stateB.createProperty<string>('said').set(turnB, 'hello on B');
    const saves = await Promise.allSettled([stateA.saveChanges(turnA), stateB.saveChanges(turnB)]);
    const refused = saves.filter((s) => s.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused.every((s) => isETagConflict(s.reason))).toBe(true);
    const kept = saves[0]?.status === 'fulfilled' ? 'proof on A' : 'hello on B';

    // The refused instance's next turn reads the kept version and saves over it with its eTag.
    const next = aTurn('started-twice');
    const said = stateB.createProperty<string>('said');
    expect(await said.get(next)).toBe(kept);
    await said.set(next, `${kept}, then more on B`);
    await stateB.saveChanges(next);
    expect(await new ETagConversationState(a.storage).createProperty<string>('said').get(aTurn('started-twice'))).toBe(`${kept}, then more on B`);
  }, 30_000);

  it('shares walkthrough progress: saved by one instance, resumed by the other', async () => {
    const [a, b] = twoInstances();
    const id = 'RNW-20481137' as RenewalId;
    await new WalkthroughProgress(a.storage).save(id, { step: 4, updatedAt: '2026-11-30T10:00:00.000Z' });
    expect(await new WalkthroughProgress(b.storage).get(id)).toEqual({ step: 4, updatedAt: '2026-11-30T10:00:00.000Z' });
  }, 30_000);
});

describe('handoff cases in Blob Storage', () => {
  function service(stores: Stores, clock: FakeClock, ids: string[], notices: CustomerNotice[]): HandoffService {
    return new HandoffService({
      store: new StorageCaseStore(stores.storage, () => ids.shift() ?? `CS-${String(Math.floor(Math.random() * 90_000) + 10_000)}`),
      clock,
      hours: new SupportHours(parseOpeningSpans('mon-sun 00:00-24:00'), 'Europe/Paris'),
      settings: { waitMs: 5 * MINUTE, retentionMs: 24 * 60 * MINUTE, transcriptLines: 3 },
      notifier: { notify: async (_c, notice) => { notices.push(notice); return 'delivered'; } },
    });
  }

  it('opened on one instance, claimed, answered, closed and purged from the other', async () => {
    const [a, b] = twoInstances();
    const clock = new FakeClock(new Date('2026-11-30T10:00:00Z'));
    const notices: CustomerNotice[] = [];
    const [deskA, deskB] = [service(a, clock, ['CS-10001'], notices), service(b, clock, [], notices)];
    const { handoffCase } = await deskA.open(aNewCase({ summary: 'devis faux' }));
    expect((await deskB.queue()).map((c) => [c.id, c.summary])).toEqual([['CS-10001', 'devis faux']]);
    await deskB.claim('CS-10001', 'Marie');
    await deskB.reply('CS-10001', 'Marie', 'Je regarde.');
    await deskA.customerMessage(handoffCase.id, 'merci');
    expect((await deskB.require('CS-10001')).messages.map((m) => m.from)).toEqual(['agent', 'customer']);
    await deskB.close('CS-10001', 'Marie', 'devis corrigé');
    expect(await deskA.list('closed')).toHaveLength(1);
    clock.advance(25 * 60 * MINUTE);
    expect(await deskA.purge()).toEqual(['CS-10001']);
    expect(await deskB.get('CS-10001')).toBeUndefined();
    expect(await deskB.list()).toEqual([]);
  }, 30_000);

  it('keeps every case when two instances open cases at once and draw the same case numbers', async () => {
    const [a, b] = twoInstances();
    const clock = new FakeClock(new Date('2026-11-30T10:00:00Z'));
    const same = () => ['CS-20001', 'CS-20002', 'CS-20003', 'CS-20004', 'CS-20005', 'CS-20006'];
    const [deskA, deskB] = [service(a, clock, same(), []), service(b, clock, same(), [])];
    const opened = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? deskA : deskB).open(aNewCase({ summary: `case ${i}` }))));
    const ids = opened.map((o) => o.handoffCase.id);
    expect(new Set(ids).size).toBe(6);
    const queue = await deskB.queue();
    expect(queue.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(queue.map((c) => c.summary).sort()).toEqual(opened.map((o) => o.handoffCase.summary).sort());
  }, 30_000);
});

describe('feedback records in Blob Storage', () => {
  const event = (at: string, overrides: Partial<FeedbackEvent> = {}): FeedbackEvent => ({
    at, kind: 'unanswered', conversation: 'c-hash', user: 'u-hash', lang: 'fr', intent: 'none', score: 0.1, text: 'où est ma facture ?', ...overrides,
  });

  it('keeps what two instances append at once, oldest first, and reads only the period asked', async () => {
    const [a, b] = twoInstances();
    const at = (i: number) => new Date(Date.UTC(2026, 10, 30, 10, 0, i)).toISOString();
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).feedback?.add(event(at(i), { text: `question ${i}` }))));
    await a.feedback?.add(event('2026-11-29T08:15:00.000Z', { kind: 'helpful', intent: 'grace-period', score: undefined, text: undefined }));
    const read = (await b.feedback?.since(new Date('2026-11-30T10:00:00.000Z'))) ?? [];
    expect(read.map((e) => e.text)).toEqual(Array.from({ length: 60 }, (_, i) => `question ${i}`));
    expect((await a.feedback?.since(new Date('2026-11-30T10:00:30.000Z')))?.length).toBe(30);
    expect((await a.feedback?.since(new Date('2026-11-29T00:00:00.000Z')))?.[0]).toEqual({
      at: '2026-11-29T08:15:00.000Z', kind: 'helpful', conversation: 'c-hash', user: 'u-hash', lang: 'fr', intent: 'grace-period',
    });
  }, 30_000);

  it('purges the hours past the retention period, from either instance, and says how many events went', async () => {
    const [a, b] = twoInstances();
    await a.feedback?.add(event('2026-08-01T09:10:00.000Z'));
    await b.feedback?.add(event('2026-08-01T09:50:00.000Z'));
    await b.feedback?.add(event('2026-08-02T12:00:00.000Z'));
    await a.feedback?.add(event('2026-11-30T10:00:00.000Z'));
    expect(await b.feedback?.purgeBefore(new Date('2026-08-02T12:30:00.000Z'))).toBe(2);
    expect((await a.feedback?.since(new Date(0)))?.map((e) => e.at)).toEqual(['2026-08-02T12:00:00.000Z', '2026-11-30T10:00:00.000Z']);
    expect(await a.feedback?.purgeBefore(new Date('2026-11-30T00:00:00.000Z'))).toBe(1);
    expect((await b.feedback?.since(new Date(0)))?.map((e) => e.at)).toEqual(['2026-11-30T10:00:00.000Z']);
  }, 30_000);

  it('skips a line that is not an event (cut short, hand-edited) and refuses to store one', async () => {
    const container = newContainer();
    const docs = new BlobDocuments(Promise.resolve(BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container)));
    const store = new BlobFeedbackStore(docs, () => 'writer-1');
    await store.add(event('2026-11-30T10:00:00.000Z'));
    await docs.append('feedback/2026-11-30T10/writer-1.ndjson', '{"at":"2026-11-30T10:01:00.000Z","kind":"lost"}\n{"at":"2026-11-30T10:0');
    await store.add(event('2026-11-30T10:02:00.000Z'));
    expect((await store.since(new Date(0))).map((e) => e.at)).toEqual(['2026-11-30T10:00:00.000Z', '2026-11-30T10:02:00.000Z']);
    await expect(store.add(event('yesterday'))).rejects.toThrow();
  }, 30_000);
});

describe('the feedback key in blob mode', () => {
  it('is the same on every instance sharing the connection string, without a file, and differs for another account', () => {
    const config = (cs: string) => loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: cs, STORAGE_FILE: '/nonexistent/dir/state.sqlite' });
    const one = feedbackKeySecret(config('UseDevelopmentStorage=true;'));
    expect(feedbackKeySecret(config('UseDevelopmentStorage=true;'))).toBe(one);
    expect(feedbackKeySecret(config('DefaultEndpointsProtocol=https;AccountName=other;AccountKey=a2V5;'))).not.toBe(one);
  });
});
