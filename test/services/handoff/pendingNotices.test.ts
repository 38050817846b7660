import { MemoryStorage } from 'botbuilder-core';
import { describe, expect, it } from 'vitest';
import { PendingNotices, PickupRouter, type CustomerNotifier, type HandoffCase, type NoticeDelivery } from '../../../services/handoff/index.js';
import { aNewCase, handoffFixture } from './handoffFixture.js';

describe('notices kept for a channel another process serves (the terminal)', () => {
  it('keeps them in order, the back-at time as a date, and removes only what was shown', async () => {
    const pending = new PendingNotices(new MemoryStorage());
    const backAt = new Date('2026-11-30T08:00:00Z');
    await pending.add('console:c1', 'CS-10001', { kind: 'claimed', agent: 'Marie' });
    await pending.add('console:c1', 'CS-10001', { kind: 'no-agent', backAt });
    await pending.add('console:c2', 'CS-10002', { kind: 'released' });
    const waiting = await pending.waiting('console:c1');
    expect(waiting.map((n) => n.notice)).toEqual([{ kind: 'claimed', agent: 'Marie' }, { kind: 'no-agent', backAt }]);

    await pending.add('console:c1', 'CS-10001', { kind: 'agent-message', agent: 'Marie', text: 'arrivé entre-temps' });
    await pending.done('console:c1', waiting[1]?.seq ?? 0);
    expect((await pending.waiting('console:c1')).map((n) => n.notice.kind)).toEqual(['agent-message']);
    expect((await pending.waiting('console:c2')).map((n) => n.notice.kind)).toEqual(['released']);
  });

  it('ignores a damaged box instead of failing every pick-up', async () => {
    const storage = new MemoryStorage();
    await storage.write({ 'handoff/pickup/console:c1': { next: 'x', entries: 'nope' } });
    expect(await new PendingNotices(storage).waiting('console:c1')).toEqual([]);
  });

  it('routes terminal cases to the storage (waiting-for-pickup) and others to the adapter', async () => {
    const storage = new MemoryStorage();
    const pending = new PendingNotices(storage);
    const direct: HandoffCase[] = [];
    const adapter: CustomerNotifier = { notify: async (c): Promise<NoticeDelivery> => { direct.push(c); return 'delivered'; } };
    const { service } = handoffFixture({ storage });
    service.useNotifier(new PickupRouter(adapter, pending, new Set(['console'])));
    const terminal = await service.open(aNewCase({ conversationKey: 'console:c1', channel: 'console' }));
    const web = await service.open(aNewCase());
    await service.claim(terminal.handoffCase.id, 'Marie');
    await service.claim(web.handoffCase.id, 'Paul');
    expect((await service.reply(terminal.handoffCase.id, 'Marie', 'bonjour')).delivery).toBe('waiting-for-pickup');
    expect((await service.reply(web.handoffCase.id, 'Paul', 'bonjour')).delivery).toBe('delivered');
    expect((await pending.waiting('console:c1')).map((n) => n.notice.kind)).toEqual(['claimed', 'agent-message']);
    expect(direct.map((c) => c.id)).toEqual([web.handoffCase.id, web.handoffCase.id]);
  });
});
