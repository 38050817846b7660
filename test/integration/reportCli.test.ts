import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReportArgs, ReportArgsError } from '../../bot/feedback/reportArgs.js';
import { projectRoot } from '../../bot/paths.js';
import { openDatabase } from '../../bot/storage/index.js';
import { SqliteFeedbackStore, type FeedbackEvent } from '../../services/feedback/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-11-30T12:00:00Z');

describe('report arguments', () => {
  it('reads --since as a duration or a date, --format and --lang, with defaults', () => {
    expect(parseReportArgs([], NOW, 'fr')).toEqual({ since: new Date('2026-10-31T12:00:00Z'), format: 'table', lang: 'fr' });
    expect(parseReportArgs(['--since', '2w', '--format=csv', '--lang', 'en'], NOW, 'fr')).toEqual({ since: new Date('2026-11-16T12:00:00Z'), format: 'csv', lang: 'en' });
    expect(parseReportArgs(['--since=2026-11-01', '--format', 'json'], NOW, 'en').since).toEqual(new Date('2026-11-01T00:00:00Z'));
  });

  it.each([
    [['--since', 'forever'], /--since "forever"/],
    [['--format', 'xml'], /--format "xml": expected table, csv or json/],
    [['--lang', 'de'], /--lang "de"/],
    [['--since'], /--since needs a value/],
    [['30d'], /unknown argument "30d"/],
  ])('refuses %j with a message that says what is accepted', (argv, message) => {
    expect(() => parseReportArgs(argv, NOW, 'fr')).toThrow(ReportArgsError);
    expect(() => parseReportArgs(argv, NOW, 'fr')).toThrow(message);
  });
});

describe('npm run report (the command)', () => {
  it('prints the period\'s report from the bot\'s SQLite file as a table, CSV and JSON, and exits 2 on a wrong argument', async () => {
    expect(spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: projectRoot }).status).toBe(0);
    const file = path.join(dir, 'state.sqlite');
    const db = openDatabase(file);
    const store = new SqliteFeedbackStore(db);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const ev = (at: string, kind: FeedbackEvent['kind'], fields: Partial<FeedbackEvent>): FeedbackEvent => ({ at, kind, conversation: `c-${at}`, user: 'u', lang: 'en', ...fields });
    await store.add(ev(day(2), 'unanswered', { intent: 'none', score: 0.01, text: 'do you run training courses for admins' }));
    await store.add(ev(day(2), 'answered', { intent: 'grace-period' }));
    await store.add(ev(day(2), 'not-helpful', { intent: 'grace-period' }));
    await store.add(ev(day(40), 'unanswered', { intent: 'none', score: 0.01, text: 'an old question from last quarter' }));
    db.close();

    const env = { ...process.env, STORAGE: 'sqlite', STORAGE_FILE: file };
    const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/bot/cli/report.js', ...args], { cwd: projectRoot, env, encoding: 'utf8' });
    const table = cli('--since', '30d', '--lang', 'en');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toContain('do you run training courses for admins');
    expect(table.stdout).not.toContain('an old question');
    expect(cli('--since', '60d', '--lang', 'en').stdout).toContain('an old question');

    const json: unknown = JSON.parse(cli('--since', '30d', '--format', 'json').stdout);
    expect(json).toMatchObject({ unanswered: [{ count: 1, questions: [{ text: 'do you run training courses for admins' }] }] });
    const csv = cli('--since', '30d', '--format', 'csv').stdout.split('\n');
    expect(csv[0]).toMatch(/^section,rank,id/);
    expect(csv.find((line) => line.startsWith('entry,1,grace-period'))).toMatch(/,1,0,1,/);

    const bad = cli('--format', 'xml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected table, csv or json');
  }, 120_000);
});
