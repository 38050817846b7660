import { MemoryStorage, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ETagConversationState, ETagPrivateConversationState, ETagUserState, isETagConflict, loadTogether } from '../../../bot/state/index.js';
import { SqliteStorage } from '../../../bot/storage/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'etag-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function aTurn(): TurnContext {
  const adapter = new TestAdapter();
  return new TurnContext(adapter, {
    type: 'message', text: 'hi', channelId: 'test', serviceUrl: 'http://localhost',
    conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' }, from: { id: 'u1', name: 'u1' }, recipient: { id: 'bot', name: 'bot' },
  });
}

describe.each<[string, () => [Storage, Storage]]>([
  ['MemoryStorage', () => { const s = new MemoryStorage(); return [s, s]; }],
  ['SqliteStorage (two connections, as two processes)', () => {
    const file = path.join(dir, `${Math.random()}.sqlite`);
    return [new SqliteStorage(file), new SqliteStorage(file)];
  }],
])('states that keep the eTag they read, on %s', (_name, storages) => {
  it.each([
    ['conversation', (s: Storage) => new ETagConversationState(s)],
    ['private conversation', (s: Storage) => new ETagPrivateConversationState(s)],
    ['user', (s: Storage) => new ETagUserState(s)],
  ])('refuses the later of two turns that read the same %s state, keeping the earlier one', async (_kind, createState) => {
    const [one, two] = storages();
    const first = createState(one);
    const second = createState(two);
    const seed = aTurn();
    await first.createProperty<number>('n').set(seed, 0);
    await first.saveChanges(seed);

    const a = aTurn();
    const b = aTurn();
    const countA = first.createProperty<number>('n');
    const countB = second.createProperty<number>('n');
    await countA.set(a, (await countA.get(a, 0)) + 1);
    await countB.set(b, (await countB.get(b, 0)) + 100);
    await first.saveChanges(a);
    const refused = await second.saveChanges(b).catch((error: unknown) => error);
    expect(isETagConflict(refused)).toBe(true);

    const check = aTurn();
    expect(await createState(one).createProperty<number>('n').get(check)).toBe(1);
  });

  it('refuses the later of two turns that both start the same conversation, keeping the earlier one', async () => {
    const [one, two] = storages();
    const [first, second] = [new ETagConversationState(one), new ETagConversationState(two)];
    const [a, b] = [aTurn(), aTurn()];
    // Both read the conversation as new before either writes.
    await first.createProperty<string>('said').set(a, 'proof');
    await second.createProperty<string>('said').set(b, 'hello');
    await first.saveChanges(a);
    expect(isETagConflict(await second.saveChanges(b).catch((error: unknown) => error))).toBe(true);
    expect(await new ETagConversationState(one).createProperty<string>('said').get(aTurn())).toBe('proof');
  });

  it('lets one turn save twice (its own version is the latest)', async () => {
    const [one] = storages();
    const state = new ETagConversationState(one);
    const turn = aTurn();
    const n = state.createProperty<number>('n');
    await n.set(turn, 1);
    await state.saveChanges(turn);
    await n.set(turn, 2);
    await state.saveChanges(turn);
    expect(await new ETagConversationState(one).createProperty<number>('n').get(aTurn())).toBe(2);
  });
});

describe.each<[string, () => Storage]>([
  ['MemoryStorage', () => new MemoryStorage()],
  // SQLite hands over the text it read: the save compares the state's JSON with that text.
  ['SqliteStorage', () => new SqliteStorage(path.join(dir, `${Math.random()}.sqlite`))],
])('change detection on %s', (_name, storage) => {
  it('reads once per turn and writes nothing when the turn changed nothing', async () => {
    const inner = storage();
    let reads = 0;
    let writes = 0;
    const counting: Storage = {
      read: (keys) => { reads += 1; return inner.read(keys); },
      write: (changes) => { writes += 1; return inner.write(changes); },
      delete: (keys) => inner.delete(keys),
    };
    const state = new ETagConversationState(counting);
    const n = state.createProperty<{ list: number[] }>('n');
    const seed = aTurn();
    await n.set(seed, { list: [1] });
    await state.saveChanges(seed);
    expect(writes).toBe(1);

    const unchanged = aTurn();
    await n.get(unchanged);
    await n.get(unchanged);
    await state.saveChanges(unchanged);
    expect(reads).toBe(2);
    expect(writes).toBe(1);

    const nested = aTurn();
    (await n.get(nested, { list: [] })).list.push(2);
    await state.saveChanges(nested);
    expect(writes).toBe(2);
    const check = aTurn();
    expect(await n.get(check)).toEqual({ list: [1, 2] });

    // A change that keeps the JSON's length (a value swapped for another) is a change too.
    const same = aTurn();
    (await n.get(same, { list: [] })).list.reverse();
    await state.saveChanges(same);
    expect(writes).toBe(3);
    expect(await n.get(aTurn())).toEqual({ list: [2, 1] });
  });
});

describe('a save while the state changes', () => {
  it('saves again a change made while the previous save was being written', async () => {
    const inner = new MemoryStorage();
    let release: () => void = () => undefined;
    const slow: Storage = {
      read: (keys) => inner.read(keys),
      write: async (changes) => { await new Promise<void>((resolve) => { release = resolve; }); return inner.write(changes); },
      delete: (keys) => inner.delete(keys),
    };
    const state = new ETagConversationState(slow);
    const n = state.createProperty<number>('n');
    const turn = aTurn();
    await n.set(turn, 1);
    const saving = state.saveChanges(turn);
    await new Promise((resolve) => setImmediate(resolve));
    await n.set(turn, 2);
    release();
    await saving;
    const second = state.saveChanges(turn);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await second;
    expect(await new ETagConversationState(inner).createProperty<number>('n').get(aTurn())).toBe(2);
  });
});

describe('loading the scopes of a turn together', () => {
  function counted(inner: Storage): { storage: Storage; reads: string[][] } {
    const reads: string[][] = [];
    return {
      reads,
      storage: { read: (keys) => { reads.push(keys); return inner.read(keys); }, write: (changes) => inner.write(changes), delete: (keys) => inner.delete(keys) },
    };
  }

  it('reads the three scopes in one storage read, then none as they are used', async () => {
    const { storage, reads } = counted(new SqliteStorage(path.join(dir, `${Math.random()}.sqlite`)));
    const states = [new ETagConversationState(storage), new ETagPrivateConversationState(storage), new ETagUserState(storage)] as const;
    const [said, step, lang] = [states[0].createProperty<string>('said'), states[1].createProperty<number>('step'), states[2].createProperty<string>('lang')];
    const seed = aTurn();
    await said.set(seed, 'hello');
    await step.set(seed, 4);
    await lang.set(seed, 'fr');
    await Promise.all(states.map((state) => state.saveChanges(seed)));
    reads.length = 0;

    const turn = aTurn();
    await loadTogether(turn, states);
    expect(await said.get(turn)).toBe('hello');
    expect(await step.get(turn)).toBe(4);
    expect(await lang.get(turn)).toBe('fr');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toHaveLength(3);
  });

  it('leaves a scope already loaded in the turn as it is, changes included', async () => {
    const { storage, reads } = counted(new MemoryStorage());
    const conversation = new ETagConversationState(storage);
    const user = new ETagUserState(storage);
    const turn = aTurn();
    await conversation.createProperty<string>('said').set(turn, 'changed in this turn');
    await loadTogether(turn, [conversation, user]);
    expect(await conversation.createProperty<string>('said').get(turn)).toBe('changed in this turn');
    expect(reads.map((keys) => keys.length)).toEqual([1]);
  });

  it('keeps refusing the later of two turns that read the same state (two connections, as two processes)', async () => {
    const file = path.join(dir, `${Math.random()}.sqlite`);
    const [one, two] = [new SqliteStorage(file), new SqliteStorage(file)];
    const [first, second] = [[new ETagConversationState(one), new ETagUserState(one)], [new ETagConversationState(two), new ETagUserState(two)]] as const;
    const seed = aTurn();
    await first[0].createProperty<number>('n').set(seed, 0);
    await first[0].saveChanges(seed);
    const [a, b] = [aTurn(), aTurn()];
    await loadTogether(a, first);
    await loadTogether(b, second);
    await first[0].createProperty<number>('n').set(a, 1);
    await second[0].createProperty<number>('n').set(b, 100);
    await first[0].saveChanges(a);
    expect(isETagConflict(await second[0].saveChanges(b).catch((error: unknown) => error))).toBe(true);
    expect(await new ETagConversationState(two).createProperty<number>('n').get(aTurn())).toBe(1);
  });
});
