import { MemoryStorage } from 'botbuilder-core';
import { describe, expect, it, vi } from 'vitest';
import { startHandoffTimers } from '../../bot/agentDesk/handoffTimers.js';
import { createLogger } from '../../bot/logger.js';
import { PendingNotices } from '../../services/handoff/index.js';
import { MINUTE } from '../services/fakeClock.js';
import { aNewCase, handoffFixture } from '../services/handoff/handoffFixture.js';

const DAY = 24 * 60 * MINUTE;

describe('the handoff\'s upkeep', () => {
  it('purges closed cases past the retention period at start-up, not only an hour later (a bot restarted often would never purge)', async () => {
    const { service, clock } = handoffFixture();
    const old = await service.open(aNewCase());
    await service.close(old.handoffCase.id, 'Marie', 'réglé');
    clock.advance(31 * DAY);
    const stop = startHandoffTimers(service, createLogger('silent'));
    try {
      await vi.waitFor(async () => expect(await service.get(old.handoffCase.id)).toBeUndefined());
    } finally {
      stop();
    }
  });

  it('tells the customers who waited too long at start-up too', async () => {
    const { service, clock, notices } = handoffFixture();
    await service.open(aNewCase());
    clock.advance(6 * MINUTE);
    const stop = startHandoffTimers(service, createLogger('silent'));
    try {
      await vi.waitFor(() => expect(notices.map((n) => n.notice.kind)).toEqual(['no-agent']));
    } finally {
      stop();
    }
  });
});

describe('notices awaiting a terminal\'s pick-up', () => {
  it('are deleted with their case when the case is purged; other cases\' stay', async () => {
    const storage = new MemoryStorage();
    const pending = new PendingNotices(storage);
    const { service, clock } = handoffFixture({ storage, onPurged: async (cases) => { for (const c of cases) await pending.forgetCase(c.conversationKey, c.id); } });
    const old = await service.open(aNewCase({ conversationKey: 'console:c1', channel: 'console' }));
    const fresh = await service.open(aNewCase({ conversationKey: 'console:c1', channel: 'console' }));
    await pending.add('console:c1', old.handoffCase.id, { kind: 'agent-message', agent: 'Marie', text: 'votre numéro de carte est …' });
    await pending.add('console:c1', fresh.handoffCase.id, { kind: 'claimed', agent: 'Paul' });
    await service.close(old.handoffCase.id, 'Marie', 'réglé');
    clock.advance(31 * DAY);
    expect(await service.purge()).toEqual([old.handoffCase.id]);
    expect((await pending.waiting('console:c1')).map((n) => n.caseId)).toEqual([fresh.handoffCase.id]);
  });
});
