import { describe, expect, it } from 'vitest';
import { openDatabase, IN_MEMORY } from '../../../bot/storage/index.js';
import { FeedbackRecorder, KeyedHasher, SqliteFeedbackStore, redact, type FeedbackSource } from '../../../services/feedback/index.js';
import { FakeClock } from '../fakeClock.js';

const fakeClock = (iso: string) => new FakeClock(new Date(iso));

/** Questions as customers type them, full of what must never be stored. */
const HOSTILE = [
  'my renewal id is RNW-20481137, also rnw 2048 1137 and 2048-1137 and RNW_20481137 and ＲＮＷ－２０４８１１３７',
  'certificate CRT-774310452, order SO-5501229, account ACC-FR-100245, ORD55012291, serial 4X7K-99PL-2QRT',
  'numéro de certificat 774310452, commande n° 44712, contrat 12 345 678 9',
  'écrivez à jean.dupont@boulangeries-martin.example ou JEAN@EXAMPLE.FR ou jean (at) example.org',
  'appelez le 06 12 34 56 78, le 06.12.34.56.78, le 0612345678, le +33 6 12 34 56 78 ou le +33 (0)1 99 00 41 20',
  'call +1 (202) 555-0143, 202-555-0143, +44 20 7946 0958 or 0044 20 7946 0958',
];

const SOURCE: FeedbackSource = { channelId: 'webchat', conversationId: 'conv-1', userId: 'dl_user-42', lang: 'en' };

describe('redaction', () => {
  it.each(HOSTILE)('leaves no ID, proof, e-mail or phone number in %s', (text) => {
    const clean = redact(text);
    expect(clean).not.toMatch(/\d{3,}/);
    expect(clean).not.toMatch(/@|\(at\)/);
    expect(clean).not.toMatch(/rnw/i);
  });

  it('keeps the words, years and versions that make the question readable', () => {
    expect(redact('was the grace period removed in 2016? SEP 14.3 RU8 on Windows 10')).toBe('was the grace period removed in 2016? SEP 14.3 RU8 on Windows 10');
    expect(redact('my id is rnw 2048 1137, call 06 12 34 56 78')).toBe('my id is [renewal-id], call [phone]');
  });

  it('cuts very long texts', () => {
    expect(redact('a'.repeat(100_000)).length).toBeLessThanOrEqual(500);
  });
});

describe('recording in SQLite', () => {
  it('stores redacted texts and keyed hashes, never the user id, and reads them back', async () => {
    const db = openDatabase(IN_MEMORY);
    const store = new SqliteFeedbackStore(db);
    const recorder = new FeedbackRecorder({ store, hasher: new KeyedHasher('k'.repeat(32)), clock: fakeClock('2026-11-30T10:00:00Z') });
    for (const text of HOSTILE) await recorder.unanswered(SOURCE, text, 0.1);
    await recorder.comment(SOURCE, 'grace-period', HOSTILE[0] ?? '');
    const dump = JSON.stringify(db.prepare('SELECT * FROM feedback_events').all());
    expect(dump).not.toContain('dl_user-42');
    expect(dump).not.toContain('conv-1');
    const texts = JSON.stringify(db.prepare('SELECT text FROM feedback_events').all());
    expect(texts).not.toMatch(/\d{3,}|@|RNW/i);
    const events = await store.since(new Date('2026-11-01T00:00:00Z'));
    expect(events).toHaveLength(HOSTILE.length + 1);
    expect(events[0]).toMatchObject({ kind: 'unanswered', intent: 'none', score: 0.1, lang: 'en' });
  });

  it('hashes the same user alike with one key and differently with another', () => {
    const a = new KeyedHasher('a'.repeat(32));
    expect(a.hash('user', 'u1')).toBe(a.hash('user', 'u1'));
    expect(a.hash('user', 'u1')).not.toBe(new KeyedHasher('b'.repeat(32)).hash('user', 'u1'));
    expect(a.hash('user', 'u1')).not.toBe(a.hash('conversation', 'u1'));
    expect(() => new KeyedHasher('short')).toThrow(/32/);
  });

  it('gives the same hashes from its memory of recent ids as computed afresh, beyond its cap too', () => {
    const remembering = new KeyedHasher('a'.repeat(32), 3);
    const ids = Array.from({ length: 10 }, (_, i) => `webchat:user-${i}`);
    const expected = ids.map((id) => new KeyedHasher('a'.repeat(32), 0).hash('user', id));
    expect([...ids, ...ids].map((id) => remembering.hash('user', id))).toEqual([...expected, ...expected]);
    expect(expected.every((h) => /^[0-9a-f]{32}$/.test(h))).toBe(true);
    expect(remembering.hash('conversation', 'webchat:user-1')).not.toBe(expected[1]);
  });

  it('an answer under the confidence line counts as answered and as unanswered', async () => {
    const store = new SqliteFeedbackStore(openDatabase(IN_MEMORY));
    const recorder = new FeedbackRecorder({ store, hasher: new KeyedHasher('k'.repeat(32)), clock: fakeClock('2026-11-30T10:00:00Z'), lowConfidence: 0.4 });
    await recorder.answered(SOURCE, 'grace-period', 'late?', 0.3);
    await recorder.answered(SOURCE, 'grace-period', 'is there a grace period', 0.9);
    const kinds = (await store.since(new Date(0))).map((e) => e.kind);
    expect(kinds).toEqual(['answered', 'unanswered', 'answered']);
  });

  it('purges what is older than the retention period', async () => {
    const store = new SqliteFeedbackStore(openDatabase(IN_MEMORY));
    const clock = fakeClock('2026-08-01T00:00:00Z');
    const recorder = new FeedbackRecorder({ store, hasher: new KeyedHasher('k'.repeat(32)), clock, retentionDays: 30 });
    await recorder.handoff(SOURCE, 'talk-to-agent');
    clock.set(new Date('2026-11-30T00:00:00Z'));
    await recorder.handoff(SOURCE, 'none');
    expect(await recorder.purgeExpired()).toBe(1);
    expect((await store.since(new Date(0))).map((e) => e.intent)).toEqual(['none']);
  });
});
