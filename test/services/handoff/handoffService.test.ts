import { describe, expect, it } from 'vitest';
import { HandoffError } from '../../../services/handoff/index.js';
import { FakeClock, MINUTE } from '../fakeClock.js';
import { aNewCase, handoffFixture } from './handoffFixture.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof HandoffError ? error.code : String(error);
  }
}

describe('HandoffService', () => {
  it('opens a waiting case with a short readable number', async () => {
    const { service } = handoffFixture();
    const { handoffCase, open } = await service.open(aNewCase());
    expect(handoffCase.id).toMatch(/^CS-\d{5}$/);
    expect(handoffCase.status).toBe('waiting');
    expect(open).toBe(true);
    expect((await service.queue()).map((c) => c.id)).toEqual([handoffCase.id]);
  });

  it('takes another number when the first one drawn is taken', async () => {
    const { service } = handoffFixture({ ids: ['CS-11111', 'CS-11111', 'CS-22222'] });
    const first = await service.open(aNewCase());
    const second = await service.open(aNewCase());
    expect([first.handoffCase.id, second.handoffCase.id]).toEqual(['CS-11111', 'CS-22222']);
  });

  it('queues expired contracts first, then those ending within 30 days, then by age', async () => {
    const { service, clock } = handoffFixture();
    const plain = await service.open(aNewCase({ summary: 'plain' }));
    clock.advance(MINUTE);
    const soon = await service.open(aNewCase({ summary: 'soon', contract: { renewalId: 'RNW-1', status: 'expiring', daysLeft: 10, endDate: '2026-12-10' } }));
    clock.advance(MINUTE);
    const later = await service.open(aNewCase({ summary: 'later', contract: { renewalId: 'RNW-2', status: 'expiring', daysLeft: 50, endDate: '2027-01-19' } }));
    clock.advance(MINUTE);
    const expired = await service.open(aNewCase({ summary: 'expired', contract: { renewalId: 'RNW-3', status: 'expired', daysLeft: -3, endDate: '2026-11-27' } }));
    expect((await service.queue()).map((c) => c.summary)).toEqual(['expired', 'soon', 'plain', 'later']);
    expect([plain, soon, later, expired].every((o) => o.handoffCase.status === 'waiting')).toBe(true);
  });

  it('refuses a second agent claiming a held case, and tells the customer once who took it', async () => {
    const { service, notices } = handoffFixture();
    const { handoffCase } = await service.open(aNewCase());
    await service.claim(handoffCase.id, 'marie');
    expect(await codeOf(service.claim(handoffCase.id, 'paul'))).toBe('claimed-by-other');
    await service.claim(handoffCase.id, 'marie');
    expect(notices.map((n) => n.notice)).toEqual([{ kind: 'claimed', agent: 'marie' }]);
  });

  it('lets exactly one of two instances sharing the storage win a simultaneous claim', async () => {
    const a = handoffFixture();
    const b = handoffFixture({ storage: a.storage });
    const { handoffCase } = await a.service.open(aNewCase());
    const results = await Promise.all([codeOf(a.service.claim(handoffCase.id, 'marie')), codeOf(b.service.claim(handoffCase.id, 'paul'))]);
    expect(results.sort()).toEqual(['claimed-by-other', 'no error']);
  });

  it('relays only the holder’s replies and never sends notes to the customer', async () => {
    const { service, notices } = handoffFixture();
    const { handoffCase } = await service.open(aNewCase());
    expect(await codeOf(service.reply(handoffCase.id, 'marie', 'bonjour'))).toBe('not-holder');
    await service.claim(handoffCase.id, 'marie');
    await service.note(handoffCase.id, 'marie', 'client fâché');
    await service.reply(handoffCase.id, 'marie', 'Bonjour, je regarde.');
    expect(notices.map((n) => n.notice.kind)).toEqual(['claimed', 'agent-message']);
    const stored = await service.require(handoffCase.id);
    expect(stored.notes.map((n) => n.text)).toEqual(['client fâché']);
    expect(stored.messages.map((m) => m.text)).toEqual(['Bonjour, je regarde.']);
  });

  it('refuses empty replies and notes', async () => {
    const { service } = handoffFixture();
    const { handoffCase } = await service.open(aNewCase());
    await service.claim(handoffCase.id, 'marie');
    expect(await codeOf(service.reply(handoffCase.id, 'marie', '   '))).toBe('invalid');
    expect(await codeOf(service.note(handoffCase.id, 'marie', ''))).toBe('invalid');
  });

  it('closes with a resolution the customer is told, and refuses closing twice', async () => {
    const { service, notices } = handoffFixture();
    const { handoffCase } = await service.open(aNewCase());
    await service.claim(handoffCase.id, 'marie');
    expect(await codeOf(service.close(handoffCase.id, 'paul', 'fini'))).toBe('not-holder');
    const closed = await service.close(handoffCase.id, 'marie', 'Devis envoyé');
    expect(closed).toMatchObject({ status: 'closed', endedBy: 'resolved', resolution: 'Devis envoyé' });
    expect(notices.at(-1)?.notice).toEqual({ kind: 'closed', resolution: 'Devis envoyé' });
    expect(await codeOf(service.close(handoffCase.id, 'marie', 'encore'))).toBe('closed');
  });

  it('hands the conversation back to the bot on release', async () => {
    const { service, notices } = handoffFixture();
    const { handoffCase } = await service.open(aNewCase());
    await service.claim(handoffCase.id, 'marie');
    expect(await service.release(handoffCase.id, 'marie')).toMatchObject({ status: 'closed', endedBy: 'released' });
    expect(notices.at(-1)?.notice).toEqual({ kind: 'released' });
  });

  it('keeps the latest transcript lines only, with proofs of purchase hidden', async () => {
    const { service } = handoffFixture();
    const at = new Date().toISOString();
    const lines = ['un', 'deux', 'ma preuve est CRT-774310452', 'commande SO 5501229'].map((text) => ({ from: 'customer' as const, text, at }));
    const { handoffCase } = await service.open(aNewCase({ transcript: lines, summary: 'SAN-4471-2210-88 perdu' }));
    expect(handoffCase.transcript.map((l) => l.text)).toEqual(['deux', 'ma preuve est […]', 'commande […]']);
    expect(handoffCase.summary).toBe('[…] perdu');
  });

  it('tells waiting customers once when no agent came within the wait', async () => {
    const { service, clock, notices } = handoffFixture();
    await service.open(aNewCase());
    clock.advance(4 * MINUTE);
    expect(await service.remindOverdue()).toHaveLength(0);
    clock.advance(MINUTE);
    expect(await service.remindOverdue()).toHaveLength(1);
    expect(await service.remindOverdue()).toHaveLength(0);
    expect(notices.map((n) => n.notice.kind)).toEqual(['no-agent']);
  });

  it('tells a waiting customer once when two instances sharing the storage remind at the same moment', async () => {
    const a = handoffFixture();
    const b = handoffFixture({ storage: a.storage, clock: a.clock });
    await a.service.open(aNewCase());
    a.clock.advance(5 * MINUTE);
    const told = await Promise.all([a.service.remindOverdue(), b.service.remindOverdue()]);
    expect(told.flat()).toHaveLength(1);
    expect([...a.notices, ...b.notices].map((n) => n.notice.kind)).toEqual(['no-agent']);
  });

  it('purges closed cases after the retention period only', async () => {
    const { service, clock } = handoffFixture();
    const open = await service.open(aNewCase());
    const done = await service.open(aNewCase());
    await service.close(done.handoffCase.id, 'marie', 'ok');
    clock.advance(29 * 24 * 60 * MINUTE);
    expect(await service.purge()).toEqual([]);
    clock.advance(24 * 60 * MINUTE);
    expect(await service.purge()).toEqual([done.handoffCase.id]);
    expect((await service.list()).map((c) => c.id)).toEqual([open.handoffCase.id]);
  });

  it('answers not-found for an unknown case', async () => {
    const { service } = handoffFixture();
    expect(await codeOf(service.claim('CS-00000', 'marie'))).toBe('not-found');
  });
});

describe('HandoffService outside support hours', () => {
  it('tells the customer at once when agents are back, and does not remind them again after the wait', async () => {
    const { service, clock, notices } = handoffFixture({ clock: new FakeClock(new Date('2026-11-28T10:00:00Z')) });
    const opened = await service.open(aNewCase());
    expect(opened.open).toBe(false);
    expect(opened.backAt?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    clock.advance(10 * MINUTE);
    expect(await service.remindOverdue()).toEqual([]);
    expect(notices).toEqual([]);
  });
});
