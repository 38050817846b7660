import type { Request, Response, Server } from 'restify';
import type { KnowledgeBase } from '../../../knowledge/knowledgeBase.js';
import type { IntentRecognizer } from '../../../knowledge/recognizer/recognizer.js';
import type { Lang } from '../../../knowledge/schema.js';
import type { Clock } from '../../../services/clock.js';
import type { FeedbackStore } from '../../../services/feedback/index.js';
import { buildReport, parseSince, type FeedbackReport } from '../../../services/feedback/report/index.js';
import type { Translator } from '../../i18n.js';
import type { AgentAuthenticator } from '../agentAuth/agentAuthenticator.js';
import { reportHtml } from './reportHtml.js';
import { REPORT_SCRIPT, reportPage } from './reportPage.js';

export interface AgentReportOptions {
  authenticator: AgentAuthenticator;
  store: FeedbackStore;
  kb: KnowledgeBase;
  recognizer: IntentRecognizer;
  translator: Translator;
  clock: Clock;
  defaultLang: Lang;
}

const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The answer-quality report for support agents: `GET /agent/report` (the page, FR/EN, charts in
 * inline SVG), `GET /api/agent/report?since=30d&lang=en` (JSON) and `/api/agent/report/view`
 * (the HTML the page shows). The data routes need an agent (`Authorization: Bearer <token>`).
 */
export function registerAgentReport(server: Server, options: AgentReportOptions): void {
  const langOf = (req: Request): Lang => {
    const asked = queryValue(req, 'lang');
    return asked === 'fr' || asked === 'en' ? asked : options.defaultLang;
  };

  server.get('/agent/report', async (req: Request, res: Response) => {
    const lang = langOf(req);
    sendText(res, 200, 'text/html; charset=utf-8', reportPage(lang, options.translator.forLang(lang)), { 'Content-Security-Policy': PAGE_CSP });
  });
  server.get('/agent/report.js', async (_req: Request, res: Response) => {
    sendText(res, 200, 'text/javascript; charset=utf-8', REPORT_SCRIPT, {});
  });

  /** The report the request asks for, or undefined when it has already been answered (401, 400). */
  const reportFor = async (req: Request, res: Response): Promise<FeedbackReport | undefined> => {
    res.header('Cache-Control', 'no-store');
    if (!options.authenticator.authenticate(req)) {
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'an agent token is required: Authorization: Bearer <token>' });
      return undefined;
    }
    const now = options.clock.now();
    const sinceText = queryValue(req, 'since') ?? '30d';
    const from = parseSince(sinceText, now);
    if (!from) {
      res.send(400, { error: 'since: expected a duration such as 30d, 12h, 2w or a date such as 2026-11-01' });
      return undefined;
    }
    const events = await options.store.since(from);
    return buildReport(events, { from, to: now, lang: langOf(req), kb: options.kb, recognizer: options.recognizer });
  };

  server.get('/api/agent/report', async (req: Request, res: Response) => {
    const report = await reportFor(req, res);
    if (report) res.send(200, report);
  });
  server.get('/api/agent/report/view', async (req: Request, res: Response) => {
    const report = await reportFor(req, res);
    if (report) sendText(res, 200, 'text/html; charset=utf-8', reportHtml(report, options.translator.forLang(langOf(req))), { 'Cache-Control': 'no-store' });
  });
}

function queryValue(req: Request, name: string): string | undefined {
  const query: unknown = req.query;
  if (typeof query !== 'object' || query === null || !(name in query)) return undefined;
  const value: unknown = Reflect.get(query, name);
  return typeof value === 'string' ? value : undefined;
}

function sendText(res: Response, status: number, type: string, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...headers });
  res.end(body);
}
