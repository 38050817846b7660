import { MemoryStorage } from 'botbuilder-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../bot/storage/openDatabase.js';
import { SqliteTranscriptLog, StorageTranscriptLog, type TranscriptLine, type TranscriptLog } from '../../../services/handoff/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'transcript-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (n: number, from: TranscriptLine['from'] = 'customer'): TranscriptLine => ({ from, text: `line ${n}`, at: `2026-12-01T10:00:${String(n).padStart(2, '0')}.000Z` });
const texts = (lines: TranscriptLine[]) => lines.map((l) => l.text);

let files = 0;
const logs: Array<[string, () => { log: TranscriptLog; second: () => TranscriptLog }]> = [
  ['on Storage (memory, Blob Storage)', () => {
    const storage = new MemoryStorage();
    return { log: new StorageTranscriptLog(storage), second: () => new StorageTranscriptLog(storage) };
  }],
  ['in SQLite', () => {
    const file = path.join(dir, `log-${(files += 1)}.sqlite`);
    return { log: new SqliteTranscriptLog(openDatabase(file)), second: () => new SqliteTranscriptLog(openDatabase(file)) };
  }],
];

describe.each(logs)('transcript log %s', (_name, make) => {
  it('should give back the lines appended, oldest first, across several turns', async () => {
    const { log } = make();
    await log.append('webchat:a', [line(1), line(2, 'bot')], 50);
    await log.append('webchat:a', [line(3)], 50);
    const lines = await log.recent('webchat:a', 50);
    expect(lines).toEqual([line(1), line(2, 'bot'), line(3)]);
  });

  it('should keep only the latest lines of a conversation', async () => {
    const { log } = make();
    for (let n = 1; n <= 7; n += 1) await log.append('webchat:a', [line(n)], 3);
    expect(texts(await log.recent('webchat:a', 50))).toEqual(['line 5', 'line 6', 'line 7']);
    expect(texts(await log.recent('webchat:a', 2))).toEqual(['line 6', 'line 7']);
  });

  it('should keep conversations apart and answer [] for one without lines', async () => {
    const { log } = make();
    await log.append('webchat:a', [line(1)], 50);
    await log.append('msteams:a', [line(2)], 50);
    expect(texts(await log.recent('webchat:a', 50))).toEqual(['line 1']);
    expect(await log.recent('webchat:b', 50)).toEqual([]);
  });

  it('should lose no line when two instances append to one conversation at once', async () => {
    const { log, second } = make();
    const other = second();
    await Promise.all([log.append('webchat:a', [line(1)], 50), other.append('webchat:a', [line(2)], 50), log.append('webchat:a', [line(3)], 50)]);
    expect(texts(await other.recent('webchat:a', 50)).sort()).toEqual(['line 1', 'line 2', 'line 3']);
  });
});
