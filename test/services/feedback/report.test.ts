import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../../bot/app.js';
import { reportLabels } from '../../../bot/feedback/reportLabels.js';
import { createTranslator } from '../../../bot/i18n.js';
import type { FeedbackEvent } from '../../../services/feedback/index.js';
import { buildReport, formatReport, groupQuestions } from '../../../services/feedback/report/index.js';

const { kb, recognizer } = createUnderstanding();
const labels = reportLabels(createTranslator().forLang('en'));

function event(kind: FeedbackEvent['kind'], conversation: string, fields: Partial<FeedbackEvent> = {}, at = '2026-11-20T10:00:00.000Z'): FeedbackEvent {
  return { at, kind, conversation, user: `u-${conversation}`, lang: 'en', ...fields };
}

const unanswered = (conversation: string, text: string, lang: 'fr' | 'en' = 'en') => event('unanswered', conversation, { intent: 'none', score: 0.1, text, lang });

/** Recorded questions: three topics of different sizes, one asked in two languages. */
const FIXTURE: FeedbackEvent[] = [
  unanswered('c1', 'can I pay by credit card?'),
  unanswered('c2', 'Can I pay by credit card'),
  unanswered('c3', 'do you accept credit card payments'),
  unanswered('c4', 'payment by credit card possible?'),
  unanswered('c5', 'any slack after the expiry date?'),
  unanswered('c6', 'is there slack after expiry'),
  unanswered('c7', 'slack period after the expiry date'),
  unanswered('c8', 'quel temps fait-il à Paris', 'fr'),
  event('answered', 'c1', { intent: 'grace-period' }),
  event('answered', 'c2', { intent: 'grace-period' }),
  event('answered', 'c3', { intent: 'installments' }),
  event('helpful', 'c1', { intent: 'grace-period' }),
  event('not-helpful', 'c2', { intent: 'grace-period' }),
  event('comment', 'c2', { intent: 'grace-period', text: 'what about [renewal-id]' }),
  event('handoff', 'c2', { intent: 'grace-period' }, '2026-11-21T09:00:00.000Z'),
  event('handoff', 'c8', { intent: 'none' }, '2026-11-21T15:00:00.000Z'),
  event('handoff', 'c9', { intent: 'talk-to-agent' }, '2026-11-22T09:00:00.000Z'),
  event('handoff', 'old', { intent: 'talk-to-agent' }, '2026-09-01T09:00:00.000Z'),
];

const PERIOD = { from: new Date('2026-11-19T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z'), lang: 'en' as const, kb, recognizer };

describe('grouping unanswered questions', () => {
  it('groups by similarity, counts, and puts the biggest group first', () => {
    const groups = groupQuestions(FIXTURE.filter((e) => e.kind === 'unanswered').map((e) => ({ text: e.text ?? '', lang: e.lang })));
    expect(groups.map((g) => g.count)).toEqual([4, 3, 1]);
    expect(groups[0]?.questions.map((q) => [q.text, q.count])).toEqual([
      ['can I pay by credit card?', 2], ['do you accept credit card payments', 1], ['payment by credit card possible?', 1],
    ]);
    expect(groups[1]?.questions.map((q) => q.text).sort()).toEqual(['any slack after the expiry date?', 'is there slack after expiry', 'slack period after the expiry date']);
    expect(groups[2]?.questions.map((q) => q.text)).toEqual(['quel temps fait-il à Paris']);
  });

  it('keeps unrelated questions apart and ignores empty ones', () => {
    const groups = groupQuestions([{ text: 'credit card', lang: 'en' }, { text: 'weather in Paris', lang: 'en' }, { text: '?!', lang: 'en' }]);
    expect(groups.map((g) => g.count)).toEqual([1, 1]);
  });
});

describe('the report', () => {
  const report = buildReport(FIXTURE, PERIOD);

  it('suggests the closest entry for a known topic and a new entry for an unknown one', () => {
    expect(report.unanswered.map((g) => g.count)).toEqual([4, 3, 1]);
    expect(report.unanswered[1]?.closest?.id).toBe('grace-period');
    expect(report.unanswered[1]?.suggestion).toEqual({ kind: 'phrasing', id: 'grace-period' });
    expect(report.unanswered[2]?.suggestion).toEqual({ kind: 'new-entry' });
  });

  it('counts answers, ratings, handoffs by intent and per day, and the share resolved without an agent', () => {
    const grace = report.entries.find((e) => e.id === 'grace-period');
    expect(grace).toMatchObject({ answered: 2, helpful: 1, notHelpful: 1, comments: ['what about [renewal-id]'] });
    expect(report.entries[0]?.id).toBe('grace-period');
    expect(report.handoffs.map((h) => [h.intent, h.count])).toEqual([['grace-period', 1], ['none', 1], ['talk-to-agent', 1]]);
    expect(report.handoffsPerDay).toEqual([
      { day: '2026-11-19', count: 0 }, { day: '2026-11-20', count: 0 }, { day: '2026-11-21', count: 2 }, { day: '2026-11-22', count: 1 }, { day: '2026-11-23', count: 0 },
    ]);
    // 9 conversations in the period (c1..c9), 3 of them with a handoff; "old" is outside it.
    expect(report.conversations).toEqual({ total: 9, withHandoff: 3, resolvedWithoutAgent: 0.667 });
  });

  it('JSON parses back to the same report', () => {
    expect(JSON.parse(formatReport(report, 'json', labels))).toEqual(report);
  });

  it('CSV parses and agrees with the table and the JSON', () => {
    const csv = parseCsv(formatReport(report, 'csv', labels));
    const header = csv[0] ?? [];
    const rows = csv.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
    const groups = rows.filter((r) => r['section'] === 'unanswered');
    expect(groups.map((r) => Number(r['count']))).toEqual(report.unanswered.map((g) => g.count));
    expect(groups.map((r) => r['suggestion'])).toEqual(report.unanswered.map((g) => (g.suggestion.kind === 'phrasing' ? `phrasing:${g.suggestion.id}` : 'new-entry')));
    const entries = rows.filter((r) => r['section'] === 'entry');
    expect(entries.map((r) => [r['id'], Number(r['answered']), Number(r['helpful']), Number(r['not_helpful'])]))
      .toEqual(report.entries.map((e) => [e.id, e.answered, e.helpful, e.notHelpful]));

    const table = formatReport(report, 'table', labels).split('\n');
    // The table's entry rows: "<id>  <answered>  <helpful>  <not helpful>", in the same order.
    const tableEntries = table.filter((line) => /^[a-z-]+\s+\d+\s+\d+\s+\d+$/.test(line)).map((line) => line.split(/\s+/));
    expect(tableEntries).toEqual(entries.map((r) => [r['id'], r['answered'], r['helpful'], r['not_helpful']]));
    const tableGroups = table.filter((line) => /^\d+\s+\d+\s+/.test(line)).map((line) => line.split(/\s+/).slice(0, 2).map(Number));
    expect(tableGroups).toEqual(groups.map((r) => [Number(r['rank']), Number(r['count'])]));
    expect(table.join('\n')).toContain(`${labels.addPhrasing.replace('{{id}}', '`grace-period`')}`);
    expect(table.join('\n')).toContain('66.7%');
  });

  it('neutralizes spreadsheet formulas in CSV cells', () => {
    const hostile = buildReport([unanswered('x', '=HYPERLINK("http://evil","click")')], PERIOD);
    expect(formatReport(hostile, 'csv', labels)).toContain(`"'=HYPERLINK(""http://evil"",""click"") (1)"`);
  });
});

/** A small RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  return rows;
}
