import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage, openDatabase } from '../../bot/storage/index.js';
import { CREATE_ONLY_ETAG } from '../../services/createOnly.js';

describe('SqliteStorage', () => {
  let dir: string;
  let file: string;
  const opened: SqliteStorage[] = [];
  const open = (): SqliteStorage => {
    const storage = new SqliteStorage(file);
    opened.push(storage);
    return storage;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-storage-'));
    file = path.join(dir, 'nested', 'folder', 'bot-state.sqlite');
  });
  afterEach(() => {
    for (const storage of opened.splice(0)) storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads back what was written, with an eTag', async () => {
    const storage = open();
    await storage.write({ 'conv/1': { dialogStack: [{ id: 'main' }], lang: 'fr', count: 2 } });
    const items = await storage.read(['conv/1']);
    expect(items['conv/1']).toEqual({ dialogStack: [{ id: 'main' }], lang: 'fr', count: 2, eTag: expect.any(String) });
  });

  it('leaves missing keys out of a read', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['a']);
    expect(await storage.read([])).toEqual({});
  });

  it('reads many keys at once, each with its own item', async () => {
    const storage = open();
    const keys = Array.from({ length: 19 }, (_, i) => `conv/${i}`);
    await storage.write(Object.fromEntries(keys.filter((_, i) => i % 3 !== 0).map((key) => [key, { key }])));
    const items = await storage.read([...keys, 'conv/1']);
    expect(Object.keys(items).sort()).toEqual(keys.filter((_, i) => i % 3 !== 0).sort());
    for (const [key, item] of Object.entries(items)) expect(item).toEqual({ key, eTag: expect.any(String) });
  });

  it('gives every write a new eTag', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    const first = (await storage.read(['a']))['a'].eTag;
    await storage.write({ a: { n: 2, eTag: first } });
    const second = (await storage.read(['a']))['a'].eTag;
    expect(second).not.toBe(first);
  });

  it('does not change the object it was given', async () => {
    const storage = open();
    const item = { n: 1 };
    await storage.write({ a: item });
    expect(item).toEqual({ n: 1 });
  });

  it('refuses a stale write', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    const stale = (await storage.read(['a']))['a'];
    await storage.write({ a: { ...stale, n: 2 } });
    await expect(storage.write({ a: { ...stale, n: 3 } })).rejects.toThrow('Storage: error writing "a" due to eTag conflict.');
    expect((await storage.read(['a']))['a'].n).toBe(2);
  });

  it('stores nothing of a write when one of its items is stale', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    await expect(storage.write({ b: { n: 1 }, a: { n: 2, eTag: 'stale' } })).rejects.toThrow(/eTag conflict/);
    expect(await storage.read(['a', 'b'])).toEqual({ a: { n: 1, eTag: expect.any(String) } });
  });

  it("lets a '*' eTag win", async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    await storage.write({ a: { n: 2, eTag: '*' } });
    expect((await storage.read(['a']))['a'].n).toBe(2);
  });

  it('lets a write without an eTag win', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    await storage.write({ a: { n: 2 } });
    expect((await storage.read(['a']))['a'].n).toBe(2);
  });

  it('accepts any eTag for a key that does not exist yet', async () => {
    const storage = open();
    await storage.write({ a: { n: 1, eTag: 'from-elsewhere' } });
    expect((await storage.read(['a']))['a'].n).toBe(1);
  });

  it('writes a create-only item once, then refuses it and keeps the first', async () => {
    const storage = open();
    await storage.write({ a: { n: 1, eTag: CREATE_ONLY_ETAG } });
    await expect(storage.write({ a: { n: 2, eTag: CREATE_ONLY_ETAG } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['a']))['a'].n).toBe(1);
  });

  it('deletes items, ignoring unknown keys', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a', 'unknown']);
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
  });

  it('accepts a write after a delete, whatever its old eTag', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    const old = (await storage.read(['a']))['a'];
    await storage.delete(['a']);
    await storage.write({ a: { ...old, n: 5 } });
    expect((await storage.read(['a']))['a'].n).toBe(5);
  });

  it('survives closing and reopening the same file', async () => {
    const first = new SqliteStorage(file);
    await first.write({ 'user/42': { lang: 'en', verified: ['RNW-20481137'] } });
    first.close();
    const second = open();
    expect((await second.read(['user/42']))['user/42']).toMatchObject({ lang: 'en', verified: ['RNW-20481137'] });
  });

  it('refuses the second of two stale writes from two instances on the same file', async () => {
    const one = open();
    const two = open();
    await one.write({ conv: { turn: 0 } });
    const seenByOne = (await one.read(['conv']))['conv'];
    const seenByTwo = (await two.read(['conv']))['conv'];
    await one.write({ conv: { ...seenByOne, turn: 1 } });
    await expect(two.write({ conv: { ...seenByTwo, turn: 2 } })).rejects.toThrow(/eTag conflict/);
    expect((await two.read(['conv']))['conv'].turn).toBe(1);
  });

  it('works on a database opened by the caller, next to other tables', async () => {
    const db = openDatabase(':memory:');
    db.exec('CREATE TABLE other (x INTEGER)');
    const storage = new SqliteStorage(db);
    await storage.write({ a: { n: 1 } });
    expect((await storage.read(['a']))['a'].n).toBe(1);
    storage.close();
    expect(db.open).toBe(true);
    db.close();
  });

  it('refuses items that are not objects', async () => {
    await expect(open().write({ a: 'text' })).rejects.toThrow(TypeError);
  });

  it('keeps keys with unusual characters apart', async () => {
    const storage = open();
    const keys = ["emulator/conversations/a'b", 'msteams/conversations/19:abc@thread.v2', 'ключ', "'; DROP TABLE bot_storage; --"];
    await storage.write(Object.fromEntries(keys.map((key, n) => [key, { n }])));
    const items = await storage.read(keys);
    expect(keys.map((key) => items[key].n)).toEqual([0, 1, 2, 3]);
  });
});
