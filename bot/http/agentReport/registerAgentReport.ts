import type { Request, Response, Server } from 'restify';
import type { KnowledgeBase } from '../../../knowledge/knowledgeBase.js';
import type { IntentRecognizer } from '../../../knowledge/recognizer/recognizer.js';
import { langOfLocale } from '../../../knowledge/language/lang.js';
import type { Lang } from '../../../knowledge/schema.js';
import type { Clock } from '../../../services/clock.js';
import type { FeedbackStore } from '../../../services/feedback/index.js';
import { buildReport, parseSince, type FeedbackReport } from '../../../services/feedback/report/index.js';
import type { Translator } from '../../i18n.js';
import { clientAddress } from '../directLine/clientAddress.js';
import type { TokenBucketLimiter } from '../directLine/tokenBucket.js';
import { reportHtml } from './reportHtml.js';
import { REPORT_SCRIPT, reportPage } from './reportPage.js';

/** The support agent a request comes from, or undefined when none (the agent desk decides). */
export type AgentOfRequest = (req: Request) => string | undefined | Promise<string | undefined>;

export interface AgentReportOptions {
  /** The agent of a page request: the desk's session cookie, nothing else. */
  pageAgent: AgentOfRequest;
  /** The agent of a data request: `Authorization: Bearer <agent token>` or the desk's session. */
  apiAgent: AgentOfRequest;
  /** Failed authentications per client address (token guessing), shared with the desk: 429 once used up. */
  failures: TokenBucketLimiter;
  store: FeedbackStore;
  kb: KnowledgeBase;
  recognizer: IntentRecognizer;
  translator: Translator;
  clock: Clock;
  defaultLang: Lang;
}

const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The answer-quality report for support agents, a page of the agent desk: `GET /agent/report`
 * (FR/EN, charts in inline SVG) opens with the desk's session; without one it sends the agent to
 * the desk's sign-in, which comes back here. `GET /api/agent/report?since=30d&lang=en` (JSON) and
 * `/api/agent/report/view` (the HTML the page shows) take the session or a bearer agent token.
 */
export function registerAgentReport(server: Server, options: AgentReportOptions): void {
  /** Asked with `?lang=`; otherwise the browser's language, as the desk picks it. */
  const askedLang = (req: Request): Lang | undefined => {
    const asked = queryValue(req, 'lang');
    return asked === 'fr' || asked === 'en' ? asked : undefined;
  };
  const langOf = (req: Request): Lang => askedLang(req) ?? langOfLocale(req.header('accept-language')) ?? options.defaultLang;

  server.get('/agent/report', async (req: Request, res: Response) => {
    const asked = askedLang(req);
    if (!(await options.pageAgent(req))) {
      // Only a path this route builds goes into `next`: the desk follows nothing else.
      const back = `/agent/report${asked ? `?lang=${asked}` : ''}`;
      res.header('Cache-Control', 'no-store');
      res.header('Location', `/agent?${asked ? `lang=${asked}&` : ''}next=${encodeURIComponent(back)}`);
      res.send(302);
      return;
    }
    const lang = langOf(req);
    sendText(res, 200, 'text/html; charset=utf-8', reportPage(lang, options.translator.forLang(lang)), { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  });
  server.get('/agent/report.js', async (_req: Request, res: Response) => {
    sendText(res, 200, 'text/javascript; charset=utf-8', REPORT_SCRIPT, {});
  });

  /** The report the request asks for, or undefined when it has already been answered (401, 400). */
  const reportFor = async (req: Request, res: Response): Promise<FeedbackReport | undefined> => {
    res.header('Cache-Control', 'no-store');
    if (!(await options.apiAgent(req))) {
      const take = options.failures.take(clientAddress(req));
      if (!take.allowed) {
        res.header('Retry-After', String(take.retryAfterSeconds));
        res.send(429, { error: `too many failed authentications; try again in ${take.retryAfterSeconds} s` });
        return undefined;
      }
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'sign in to the agent desk, or send an agent token: Authorization: Bearer <token>' });
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
