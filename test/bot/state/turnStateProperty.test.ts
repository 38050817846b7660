import { BotStatePropertyAccessor, ConversationState, MemoryStorage, TestAdapter, TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ETagConversationState } from '../../../bot/state/index.js';

function aTurn(): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message', text: 'hi', channelId: 'test', serviceUrl: 'http://localhost',
    conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' }, from: { id: 'u1', name: 'u1' }, recipient: { id: 'bot', name: 'bot' },
  });
}

interface Counter { count: number; seen: string[] }

/** The same calls on botbuilder's accessor (over botbuilder's ConversationState) and on ours. */
async function scenario(make: (storage: MemoryStorage) => { state: ConversationState; counter: StatePropertyAccessor<Counter>; word: StatePropertyAccessor<string> }): Promise<unknown[]> {
  const storage = new MemoryStorage();
  const { state, counter, word } = make(storage);
  const seen: unknown[] = [];
  const fallback: Counter = { count: 0, seen: [] };

  const first = aTurn();
  // Before the turn has loaded the scope: the property loads it.
  seen.push(await word.get(first));
  const value = await counter.get(first, fallback);
  value.count += 1;
  value.seen.push('first');
  seen.push(fallback, await counter.get(first), await word.get(first, 'bonjour'), await word.get(first, 'hello'));
  await state.saveChanges(first);

  const second = aTurn();
  await state.load(second);
  seen.push(await counter.get(second, fallback), await word.get(second));
  await word.delete(second);
  await word.set(aTurn(), 'never saved');
  seen.push(await word.get(second), state.get(second));
  await state.saveChanges(second);

  const third = aTurn();
  await counter.delete(third);
  seen.push(await counter.get(third), await word.get(third, 'salut'), state.get(third));
  return seen;
}

describe('the eTag states\' property accessor', () => {
  it('reads, defaults, sets and deletes exactly as botbuilder\'s own accessor does', async () => {
    const theirs = await scenario((storage) => {
      const state = new ConversationState(storage);
      return { state, counter: new BotStatePropertyAccessor<Counter>(state, 'counter'), word: new BotStatePropertyAccessor<string>(state, 'word') };
    });
    const ours = await scenario((storage) => {
      const state = new ETagConversationState(storage);
      return { state, counter: state.createProperty<Counter>('counter'), word: state.createProperty<string>('word') };
    });
    const withoutETags = (values: unknown[]) => JSON.parse(JSON.stringify(values, (key, value: unknown) => (key === 'eTag' ? undefined : value)));
    expect(withoutETags(ours)).toEqual(withoutETags(theirs));
    // The default object itself is never stored: the caller's stays as it was.
    expect(ours[1]).toEqual({ count: 0, seen: [] });
    expect(ours[2]).toEqual({ count: 1, seen: ['first'] });
  });

  it('answers with a rejection, not a throw, when a default cannot be copied', async () => {
    const state = new ETagConversationState(new MemoryStorage());
    const turn = aTurn();
    await state.load(turn);
    const circular: { self?: unknown } = {};
    circular.self = circular;
    const read = state.createProperty<{ self?: unknown }>('loop').get(turn, circular);
    await expect(read).rejects.toThrow(TypeError);
  });
});
