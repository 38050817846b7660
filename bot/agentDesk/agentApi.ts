import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { clientAddress } from '../http/directLine/clientAddress.js';
import type { TokenBucketLimiter } from '../http/directLine/tokenBucket.js';
import type { Logger } from '../logger.js';
import { CASE_ID_PATTERN, CASE_STATUSES, HandoffError, type HandoffErrorCode, type HandoffService } from '../../services/handoff/index.js';
import type { AgentDirectory } from './agentDirectory.js';
import { agentOf } from './agentIdentity.js';
import { caseDetail, caseSummary } from './caseView.js';

export const AGENT_API = '/api/agent';

const textBody = z.object({ text: z.string().trim().min(1, 'must not be empty').max(4000, 'must be 4000 characters at most') });
const closeBody = z.object({ resolution: z.string().trim().min(1, 'must not be empty').max(4000, 'must be 4000 characters at most') });
const statusQuery = z.enum(CASE_STATUSES).optional();

const STATUS_OF: Record<HandoffErrorCode, number> = {
  'not-found': 404,
  'claimed-by-other': 409,
  'not-holder': 409,
  closed: 409,
  invalid: 400,
  busy: 503,
};

export interface AgentApiOptions {
  handoff: HandoffService;
  agents: AgentDirectory;
  logger: Logger;
  /** Counts failed authentications per client address (token guessing): 429 once used up. */
  failures: TokenBucketLimiter;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

type Handler = (req: Request, res: Response, agent: string, caseId: string) => Promise<void>;

/**
 * The agents' JSON API, for contact-centre tools and for the desk page:
 * `GET /api/agent/cases[?status=waiting|assigned|closed]`, `GET /api/agent/cases/{id}`,
 * `POST …/{id}/claim`, `…/{id}/messages {text}`, `…/{id}/notes {text}`, `…/{id}/release`,
 * `…/{id}/close {resolution}`; `GET /api/agent/me`. `Authorization: Bearer <agent token>`
 * (or the desk's session cookie); 401 without a valid one, 409 when another agent holds the case.
 */
export function registerAgentApi(server: Server, options: AgentApiOptions): void {
  const { handoff, agents, logger } = options;

  const guarded = (handler: Handler) => async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    const agent = agentOf(req, agents);
    if (!agent) {
      const take = options.failures.take(clientAddress(req));
      if (!take.allowed) {
        res.header('Retry-After', String(take.retryAfterSeconds));
        return sendError(res, 429, 'too-many-requests', `Too many failed authentications; try again in ${take.retryAfterSeconds} s.`);
      }
      res.header('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'unauthorized', 'Send a valid agent token as "Authorization: Bearer <agent token>".');
    }
    const id = typeof req.params?.id === 'string' ? req.params.id.toUpperCase() : '';
    if (req.params?.id !== undefined && !CASE_ID_PATTERN.test(id)) return sendError(res, 404, 'not-found', 'No such case: case numbers look like CS-48213.');
    try {
      await handler(req, res, agent, id);
    } catch (error) {
      if (!(error instanceof HandoffError)) throw error;
      sendError(res, STATUS_OF[error.code], error.code, error.message);
    }
  };

  server.get(`${AGENT_API}/me`, guarded(async (_req, res, agent) => {
    res.send(200, { agent });
  }));

  server.get(`${AGENT_API}/cases`, guarded(async (req, res) => {
    const query: unknown = req.query;
    const raw = typeof query === 'object' && query !== null && 'status' in query ? query.status : undefined;
    const status = statusQuery.safeParse(raw === '' ? undefined : raw);
    if (!status.success) return sendError(res, 400, 'invalid', `status must be one of ${CASE_STATUSES.join(', ')}`);
    res.send(200, { cases: (await handoff.list(status.data)).map(caseSummary) });
  }));

  server.get(`${AGENT_API}/cases/:id`, guarded(async (_req, res, _agent, id) => {
    res.send(200, caseDetail(await handoff.require(id)));
  }));

  server.post(`${AGENT_API}/cases/:id/claim`, guarded(async (_req, res, agent, id) => {
    const claimed = await handoff.claim(id, agent);
    logger.info({ caseId: id, agent }, 'handoff case claimed');
    res.send(200, caseDetail(claimed));
  }));

  server.post(`${AGENT_API}/cases/:id/messages`, guarded(async (req, res, agent, id) => {
    const body = textBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalid', `text ${body.error.issues[0]?.message ?? 'is required'}`);
    // delivered: shown in the customer's chat; delivery 'waiting-for-pickup': kept until the
    // customer's terminal (npm run chat, another process) picks it up; 'failed': not sent.
    const { handoffCase, delivery } = await handoff.reply(id, agent, body.data.text);
    res.send(200, { ...caseDetail(handoffCase), delivered: delivery === 'delivered', delivery });
  }));

  server.post(`${AGENT_API}/cases/:id/notes`, guarded(async (req, res, agent, id) => {
    const body = textBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalid', `text ${body.error.issues[0]?.message ?? 'is required'}`);
    res.send(200, caseDetail(await handoff.note(id, agent, body.data.text)));
  }));

  server.post(`${AGENT_API}/cases/:id/release`, guarded(async (_req, res, agent, id) => {
    const released = await handoff.release(id, agent);
    logger.info({ caseId: id, agent }, 'handoff case handed back to the bot');
    res.send(200, caseDetail(released));
  }));

  server.post(`${AGENT_API}/cases/:id/close`, guarded(async (req, res, agent, id) => {
    const body = closeBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalid', `resolution ${body.error.issues[0]?.message ?? 'is required'}`);
    const closed = await handoff.close(id, agent, body.data.resolution);
    logger.info({ caseId: id, agent }, 'handoff case closed');
    res.send(200, caseDetail(closed));
  }));
}
