import type { FeedbackReport, Suggestion } from './feedbackReport.js';

export const REPORT_FORMATS = ['table', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The words of the table, in the reader's language (from the locale files' `report` section). */
export interface ReportLabels {
  title: string;
  unanswered: string;
  entries: string;
  handoffs: string;
  summary: string;
  count: string;
  questions: string;
  closest: string;
  suggestion: string;
  entry: string;
  answered: string;
  helpful: string;
  notHelpful: string;
  intent: string;
  conversations: string;
  withHandoff: string;
  resolvedWithoutAgent: string;
  didYouMean: string;
  none: string;
  /** Contains `{{id}}`. */
  addPhrasing: string;
  newEntry: string;
}

/** The suggestion as a sentence ("add as a phrasing of `grace-period`" / "new entry"). */
export function suggestionText(suggestion: Suggestion, labels: Pick<ReportLabels, 'addPhrasing' | 'newEntry'>): string {
  return suggestion.kind === 'phrasing' ? labels.addPhrasing.replace('{{id}}', `\`${suggestion.id}\``) : labels.newEntry;
}

export function formatReport(report: FeedbackReport, format: ReportFormat, labels: ReportLabels): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return toCsv(report);
  return toTable(report, labels);
}

const CSV_COLUMNS = ['section', 'rank', 'id', 'title', 'count', 'answered', 'helpful', 'not_helpful', 'closest', 'score', 'suggestion', 'questions'] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

/**
 * One CSV (RFC 4180) with a `section` column: `unanswered` (one row per group, biggest first),
 * `entry`, `handoff`, `day` (handoffs per day) and `summary` rows.
 */
function toCsv(report: FeedbackReport): string {
  const rows: CsvRow[] = [
    ...report.unanswered.map((g, i) => ({
      section: 'unanswered', rank: i + 1, count: g.count, closest: g.closest?.id ?? '', score: g.closest?.score ?? '',
      suggestion: g.suggestion.kind === 'phrasing' ? `phrasing:${g.suggestion.id}` : 'new-entry',
      questions: g.questions.map((q) => `${q.text} (${q.count})`).join(' | '),
    })),
    ...report.entries.map((e, i) => ({ section: 'entry', rank: i + 1, id: e.id, title: e.title, answered: e.answered, helpful: e.helpful, not_helpful: e.notHelpful })),
    ...report.handoffs.map((h, i) => ({ section: 'handoff', rank: i + 1, id: h.intent, title: h.title, count: h.count })),
    ...report.handoffsPerDay.map((d, i) => ({ section: 'day', rank: i + 1, id: d.day, count: d.count })),
    { section: 'summary', id: 'conversations', count: report.conversations.total },
    { section: 'summary', id: 'with-handoff', count: report.conversations.withHandoff },
    { section: 'summary', id: 'resolved-without-agent', score: report.conversations.resolvedWithoutAgent ?? '' },
    { section: 'summary', id: 'did-you-mean-asked', count: report.didYouMean.asked },
    { section: 'summary', id: 'did-you-mean-chose', count: report.didYouMean.chose },
  ];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(row[c] ?? '')).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet: quoted with a leading '.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toTable(report: FeedbackReport, labels: ReportLabels): string {
  const out: string[] = [`${labels.title}: ${report.from.slice(0, 10)} → ${report.to.slice(0, 10)}`, ''];
  out.push(`== ${labels.unanswered} ==`);
  out.push(...table(
    ['#', labels.count, labels.questions, labels.closest, labels.suggestion],
    report.unanswered.map((g, i) => [
      String(i + 1), String(g.count), g.questions.slice(0, 3).map((q) => `${q.text} (${q.count})`).join(' | '),
      g.closest ? `${g.closest.id} (${g.closest.score})` : '', suggestionText(g.suggestion, labels),
    ]),
    labels.none,
  ));
  out.push('', `== ${labels.entries} ==`);
  out.push(...table(
    [labels.entry, labels.answered, labels.helpful, labels.notHelpful],
    report.entries.map((e) => [e.id, String(e.answered), String(e.helpful), String(e.notHelpful)]),
    labels.none,
  ));
  out.push('', `== ${labels.handoffs} ==`);
  out.push(...table([labels.intent, labels.count], report.handoffs.map((h) => [h.intent, String(h.count)]), labels.none));
  const share = report.conversations.resolvedWithoutAgent;
  out.push('', `== ${labels.summary} ==`);
  out.push(...table(['', ''], [
    [labels.conversations, String(report.conversations.total)],
    [labels.withHandoff, String(report.conversations.withHandoff)],
    [labels.resolvedWithoutAgent, share === null ? '-' : `${(share * 100).toFixed(1)}%`],
    [labels.didYouMean, `${report.didYouMean.chose}/${report.didYouMean.asked}`],
  ], labels.none).slice(2));
  return `${out.join('\n')}\n`;
}

/** Columns padded to their widest cell; a header line and a rule, or `empty` alone. */
function table(header: string[], rows: string[][], empty: string): string[] {
  if (rows.length === 0) return [empty];
  const cleaned = rows.map((r) => r.map((c) => c.replace(/[\r\n\t]+/g, ' ')));
  const widths = header.map((h, i) => Math.max(h.length, ...cleaned.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cleaned.map(line)];
}
