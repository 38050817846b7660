import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../bot/http/directLine/conversationStore.js';
import { FakeClock, MINUTE } from '../services/fakeClock.js';

const padded = (kb: number) => ({ type: 'message', text: 'x'.repeat(kb * 1000) });

describe('ConversationStore byte budgets', () => {
  it('keeps one conversation within its budget, the oldest activities going first', () => {
    const s = new ConversationStore({ clock: new FakeClock(new Date()), conversationBudgetBytes: 10_000 });
    s.start({ id: 'c1', userId: 'dl_u' });
    for (let i = 0; i < 10; i += 1) s.append('c1', padded(3));
    expect(s.bytes).toBeLessThanOrEqual(10_000);
    const kept = s.since('c1', 0)?.activities ?? [];
    expect(kept.map((a) => a.id)).toEqual(['c1|0000008', 'c1|0000009', 'c1|0000010']);
  });

  it('keeps all conversations within the total budget, forgetting the least recently active', () => {
    const clock = new FakeClock(new Date());
    const s = new ConversationStore({ clock, totalBudgetBytes: 20_000 });
    for (const id of ['a', 'b', 'c', 'd']) {
      s.start({ id, userId: 'dl_u' });
      s.append(id, padded(6));
      clock.advance(MINUTE);
    }
    expect(s.bytes).toBeLessThanOrEqual(20_000);
    expect(s.get('a')).toBeUndefined();
    expect(s.get('d')).toBeDefined();
  });

  it('gives back the bytes of conversations that expire or are pushed out', () => {
    const clock = new FakeClock(new Date());
    const s = new ConversationStore({ clock, maxConversations: 1, idleMs: MINUTE });
    s.start({ id: 'a', userId: 'dl_u' });
    s.append('a', padded(5));
    s.start({ id: 'b', userId: 'dl_u' });
    s.append('b', padded(1));
    expect(s.bytes).toBeLessThan(2_000);
    clock.advance(2 * MINUTE);
    expect(s.get('b')).toBeUndefined();
    expect(s.bytes).toBe(0);
  });
});
