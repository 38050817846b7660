import 'dotenv/config';
import { existsSync } from 'node:fs';
import { createUnderstanding } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { parseReportArgs, ReportArgsError } from '../feedback/reportArgs.js';
import { reportLabels } from '../feedback/reportLabels.js';
import { createTranslator } from '../i18n.js';
import { createBlobStores, openDatabase } from '../storage/index.js';
import { SqliteFeedbackStore, type FeedbackStore } from '../../services/feedback/index.js';
import { buildReport, formatReport } from '../../services/feedback/report/index.js';

/**
 * `npm run report -- --since 30d [--format table|csv|json] [--lang fr|en]`: the answer-quality
 * report from where the bot keeps its feedback records, read from the same configuration: the
 * SQLite file (STORAGE_FILE), or the Blob Storage container (STORAGE=blob) every instance shares.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const now = new Date();
  const args = parseReportArgs(process.argv.slice(2), now, config.DEFAULT_LANGUAGE);
  const { store, close } = openFeedbackStore(config);
  try {
    const events = await store.since(args.since);
    const { kb, recognizer } = createUnderstanding();
    const report = buildReport(events, { from: args.since, to: now, lang: args.lang, kb, recognizer });
    process.stdout.write(formatReport(report, args.format, reportLabels(createTranslator().forLang(args.lang))));
  } finally {
    close();
  }
}

function openFeedbackStore(config: Config): { store: FeedbackStore; close(): void } {
  if (config.STORAGE === 'blob' && config.AZURE_STORAGE_CONNECTION_STRING) {
    const { feedback } = createBlobStores({ connectionString: config.AZURE_STORAGE_CONNECTION_STRING, container: config.BLOB_CONTAINER });
    if (feedback) return { store: feedback, close: () => undefined };
  }
  if (config.STORAGE !== 'sqlite') throw new ReportArgsError(`STORAGE is ${config.STORAGE}: the bot keeps no feedback records to report on`);
  if (!existsSync(config.STORAGE_FILE)) throw new ReportArgsError(`${config.STORAGE_FILE} does not exist yet: start the bot and talk to it first`);
  const db = openDatabase(config.STORAGE_FILE);
  return { store: new SqliteFeedbackStore(db), close: () => db.close() };
}

main().catch((error: unknown) => {
  const known = error instanceof ReportArgsError || error instanceof ConfigError;
  process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(known ? 2 : 1);
});
