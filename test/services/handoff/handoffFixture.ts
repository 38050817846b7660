import { MemoryStorage } from 'botbuilder-core';
import { HandoffService, parseOpeningSpans, StorageCaseStore, SupportHours, type CustomerNotice, type HandoffServiceOptions, type NewCase, type NoticeDelivery } from '../../../services/handoff/index.js';
import { FakeClock, MINUTE } from '../fakeClock.js';

/** Monday 30 November 2026, 11:00 in Paris. */
export const MONDAY_11_PARIS = new Date('2026-11-30T10:00:00Z');

export function aNewCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    conversationKey: 'webchat:conv-1',
    lang: 'fr',
    channel: 'webchat',
    reason: 'asked',
    summary: 'question de facture',
    address: { channelId: 'webchat', conversation: { id: 'conv-1' } },
    transcript: [],
    ...overrides,
  };
}

export function handoffFixture(options: { storage?: MemoryStorage; clock?: FakeClock; ids?: string[]; onPurged?: HandoffServiceOptions['onPurged'] } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const clock = options.clock ?? new FakeClock(MONDAY_11_PARIS);
  const notices: Array<{ conversation: unknown; notice: CustomerNotice }> = [];
  const ids = options.ids ? [...options.ids] : undefined;
  const store = new StorageCaseStore(storage, ids ? () => ids.shift() ?? 'CS-99999' : undefined);
  const service = new HandoffService({
    store,
    clock,
    hours: new SupportHours(parseOpeningSpans('mon-fri 09:00-18:00'), 'Europe/Paris'),
    settings: { waitMs: 5 * MINUTE, retentionMs: 30 * 24 * 60 * MINUTE, transcriptLines: 3 },
    ...(options.onPurged ? { onPurged: options.onPurged } : {}),
    notifier: {
      notify: async (handoffCase, notice): Promise<NoticeDelivery> => {
        notices.push({ conversation: handoffCase.address.conversation, notice });
        return 'delivered';
      },
    },
  });
  return { storage, clock, service, notices };
}
