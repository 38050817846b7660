import { describe, expect, it } from 'vitest';
import { openDatabase, IN_MEMORY } from '../../../bot/storage/openDatabase.js';
import { MemoryQuoteOutbox, SqliteQuoteOutbox, type DeliveryRecord, type QuoteOutbox } from '../../../services/quotes/index.js';

function aDelivery(overrides: Partial<DeliveryRecord> = {}): DeliveryRecord {
  return {
    id: 'Q-00000001/reseller-email',
    quoteId: 'Q-00000001',
    renewalId: 'RNW-20481137',
    channel: 'reseller-email',
    payload: { kind: 'mail', to: ['r@example.com'], subject: 's', text: 't', messageId: '<Q-00000001.reseller@x>' },
    state: 'pending',
    attempts: 0,
    createdAt: '2026-11-30T09:00:00.000Z',
    nextAttemptAt: '2026-11-30T09:00:00.000Z',
    reachedRecipient: false,
    ...overrides,
  };
}

const outboxes: Array<[string, () => QuoteOutbox]> = [
  ['MemoryQuoteOutbox', () => new MemoryQuoteOutbox()],
  ['SqliteQuoteOutbox', () => new SqliteQuoteOutbox(openDatabase(IN_MEMORY))],
];

describe.each(outboxes)('%s', (_name, make) => {
  it('lists the pending deliveries that are due, oldest first, up to the limit', async () => {
    const outbox = make();
    await outbox.add([
      aDelivery({ id: 'b', createdAt: '2026-11-30T09:00:01.000Z' }),
      aDelivery({ id: 'a', createdAt: '2026-11-30T09:00:00.000Z' }),
      aDelivery({ id: 'later', createdAt: '2026-11-30T09:00:02.000Z', nextAttemptAt: '2026-11-30T10:00:00.000Z' }),
      aDelivery({ id: 'done', state: 'done', doneAt: '2026-11-30T09:00:00.000Z' }),
      aDelivery({ id: 'failed', state: 'failed' }),
    ]);
    const now = new Date('2026-11-30T09:30:00.000Z');
    expect((await outbox.listDue(now, 10)).map((r) => r.id)).toEqual(['a', 'b']);
    expect((await outbox.listDue(now, 1)).map((r) => r.id)).toEqual(['a']);
    expect((await outbox.listDue(new Date('2026-11-30T10:00:00.000Z'), 10)).map((r) => r.id)).toEqual(['a', 'b', 'later']);
  });

  it('compares due times as instants, whatever offset they were written with', async () => {
    const outbox = make();
    await outbox.add([aDelivery({ id: 'x', nextAttemptAt: '2026-11-30T10:15:00+01:00' })]);
    expect(await outbox.listDue(new Date('2026-11-30T09:14:59.000Z'), 10)).toEqual([]);
    expect(await outbox.listDue(new Date('2026-11-30T09:15:00.000Z'), 10)).toHaveLength(1);
  });

  it('updates a delivery, refuses an unknown one, and refuses adding an id twice (all or none)', async () => {
    const outbox = make();
    await outbox.add([aDelivery()]);
    await outbox.update(aDelivery({ state: 'done', attempts: 1, doneAt: '2026-11-30T09:00:02.000Z', reachedRecipient: true }));
    expect(await outbox.listByRenewalId('RNW-20481137')).toMatchObject([{ state: 'done', attempts: 1, reachedRecipient: true }]);
    await expect(outbox.update(aDelivery({ id: 'unknown' }))).rejects.toThrow();
    await expect(outbox.add([aDelivery({ id: 'new' }), aDelivery()])).rejects.toThrow();
    expect((await outbox.listByRenewalId('RNW-20481137')).map((r) => r.id)).toEqual(['Q-00000001/reseller-email']);
    expect(await outbox.listByRenewalId('RNW-00000000')).toEqual([]);
  });

  it('hands out copies: changing a listed record does not change the outbox', async () => {
    const outbox = make();
    await outbox.add([aDelivery()]);
    const [listed] = await outbox.listByRenewalId('RNW-20481137');
    if (listed) listed.state = 'failed';
    expect((await outbox.listByRenewalId('RNW-20481137'))[0]?.state).toBe('pending');
  });
});
