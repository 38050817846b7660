import { parseSince, REPORT_FORMATS, type ReportFormat } from '../../services/feedback/report/index.js';
import type { Lang } from '../../knowledge/schema.js';

export interface ReportArgs {
  since: Date;
  format: ReportFormat;
  lang: Lang;
}

/** A command-line mistake: the message says what was wrong and what is accepted. */
export class ReportArgsError extends Error {}

/**
 * Reads `--since 30d|2026-11-01` (default 30d), `--format table|csv|json` (default table) and
 * `--lang fr|en` (default: the bot's default language); `--name=value` works too.
 */
export function parseReportArgs(argv: readonly string[], now: Date, defaultLang: Lang): ReportArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--(since|format|lang)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new ReportArgsError(`unknown argument "${arg}" (accepted: --since 30d, --format table|csv|json, --lang fr|en)`);
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined) throw new ReportArgsError(`--${match[1]} needs a value`);
    values.set(match[1], value);
  }
  const sinceText = values.get('since') ?? '30d';
  const since = parseSince(sinceText, now);
  if (!since) throw new ReportArgsError(`--since "${sinceText}": expected a duration such as 30d, 12h, 2w or a date such as 2026-11-01`);
  const format = values.get('format') ?? 'table';
  if (!isFormat(format)) throw new ReportArgsError(`--format "${format}": expected table, csv or json`);
  const lang = values.get('lang') ?? defaultLang;
  if (lang !== 'fr' && lang !== 'en') throw new ReportArgsError(`--lang "${lang}": expected fr or en`);
  return { since, format, lang };
}

function isFormat(value: string): value is ReportFormat {
  return REPORT_FORMATS.some((f) => f === value);
}
