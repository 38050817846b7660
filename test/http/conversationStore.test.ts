import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../bot/http/directLine/conversationStore.js';
import { FakeClock, MINUTE } from '../services/fakeClock.js';

const start = new Date('2025-03-01T10:00:00Z');

function store(options: { maxConversations?: number; maxActivities?: number; idleMs?: number } = {}) {
  const clock = new FakeClock(start);
  return { clock, store: new ConversationStore({ clock, ...options }) };
}

const message = (text: string) => ({ type: 'message', text });

describe('ConversationStore', () => {
  it('gives each activity an id and a timestamp, and the watermark of the last one', () => {
    const { store: s } = store();
    s.start({ id: 'c1', userId: 'dl_u' });
    const first = s.append('c1', message('one'));
    expect(first).toMatchObject({ id: 'c1|0000001', timestamp: start.toISOString(), text: 'one' });
    s.append('c1', message('two'));
    expect(s.since('c1', 0)).toEqual({ activities: [first, expect.objectContaining({ id: 'c1|0000002', text: 'two' })], watermark: '2' });
    expect(s.since('c1', 1)?.activities.map((a) => a.text)).toEqual(['two']);
    expect(s.since('c1', 2)).toEqual({ activities: [], watermark: '2' });
  });

  it('finds a started conversation again instead of starting it twice', () => {
    const { store: s } = store();
    expect(s.start({ id: 'c1', userId: 'dl_u', locale: 'fr-FR' }).created).toBe(true);
    expect(s.start({ id: 'c1', userId: 'dl_other' })).toEqual({ conversation: { id: 'c1', userId: 'dl_u', locale: 'fr-FR' }, created: false });
  });

  it('delivers an update as a new entry that keeps the id of the activity it replaces', () => {
    const { store: s } = store();
    s.start({ id: 'c1', userId: 'dl_u' });
    const original = s.append('c1', message('draft'));
    s.append('c1', { ...message('final'), id: original?.id });
    expect(s.since('c1', 1)?.activities).toEqual([expect.objectContaining({ id: original?.id, text: 'final' })]);
  });

  it('keeps what it stores safe from later changes to the object it was given', () => {
    const { store: s } = store();
    s.start({ id: 'c1', userId: 'dl_u' });
    const activity = { type: 'message', text: 'one', channelData: { n: 1 } };
    s.append('c1', activity);
    activity.channelData.n = 2;
    expect(s.since('c1', 0)?.activities[0]?.channelData).toEqual({ n: 1 });
  });

  it('answers undefined for an unknown conversation', () => {
    const { store: s } = store();
    expect(s.get('nope')).toBeUndefined();
    expect(s.append('nope', message('x'))).toBeUndefined();
    expect(s.since('nope', 0)).toBeUndefined();
  });

  it('forgets a conversation left idle longer than the idle time, and keeps one in use', () => {
    const { store: s, clock } = store({ idleMs: 30 * MINUTE });
    s.start({ id: 'idle', userId: 'dl_u' });
    s.start({ id: 'busy', userId: 'dl_u' });
    clock.advance(20 * MINUTE);
    s.append('busy', message('still here'));
    clock.advance(20 * MINUTE);
    expect(s.get('idle')).toBeUndefined();
    expect(s.get('busy')).toBeDefined();
  });

  it('drops the least recently active conversation when full', () => {
    const { store: s, clock } = store({ maxConversations: 2 });
    s.start({ id: 'a', userId: 'dl_u' });
    clock.advance(1000);
    s.start({ id: 'b', userId: 'dl_u' });
    clock.advance(1000);
    s.get('a');
    s.start({ id: 'c', userId: 'dl_u' });
    expect(s.size).toBe(2);
    expect(s.get('b')).toBeUndefined();
    expect(s.get('a')).toBeDefined();
    expect(s.get('c')).toBeDefined();
  });

  it('keeps the latest activities of a long conversation, watermarks still counting on', () => {
    const { store: s } = store({ maxActivities: 3 });
    s.start({ id: 'c1', userId: 'dl_u' });
    for (const text of ['1', '2', '3', '4', '5']) s.append('c1', message(text));
    expect(s.since('c1', 0)).toEqual({ activities: ['3', '4', '5'].map((text) => expect.objectContaining({ text })), watermark: '5' });
  });
});
