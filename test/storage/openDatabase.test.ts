import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../bot/storage/index.js';
import { PAGE_CACHE_KIB } from '../../bot/storage/openDatabase.js';

describe('openDatabase', () => {
  it('creates the missing folders and uses WAL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'open-db-'));
    try {
      const file = path.join(dir, 'a', 'b', 'bot.sqlite');
      const db = openDatabase(file);
      expect(existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // Resident memory: the page cache stays at 4 MB instead of better-sqlite3's 16 MB.
      expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens an in-memory database without touching the disk', () => {
    const db = openDatabase(':memory:');
    expect(db.memory).toBe(true);
    db.close();
  });
});
