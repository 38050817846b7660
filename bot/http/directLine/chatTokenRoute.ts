import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger.js';
import type { ChatTokenIssuer } from './chatTokenIssuers.js';
import { clientAddress, requestOrigin } from './clientAddress.js';
import { DirectLineTokenError } from './directLineTokenClient.js';
import { sendError } from './errors.js';
import type { OriginPolicy } from './originPolicy.js';
import { chatTokenRequestSchema, parseBody } from './schemas.js';
import type { TokenBucketLimiter } from './tokenBucket.js';
import type { UserIds } from './userIds.js';

export const CHAT_TOKEN_PATH = '/api/directline/token';

export interface ChatTokenRouteOptions {
  /** Not set: the chat is not configured (production without DIRECT_LINE_SECRET); 503. */
  issuer?: ChatTokenIssuer;
  users: UserIds;
  origins: OriginPolicy;
  limiter: TokenBucketLimiter;
  logger: Logger;
}

/**
 * `POST /api/directline/token`: what the page calls before opening Web Chat. Answers
 * `{ token, conversationId, userId, userSignature, expires_in, domain, webSocket }`; the
 * Direct Line secret stays here.
 */
export function registerChatTokenRoute(server: Server, options: ChatTokenRouteOptions): void {
  server.opts(CHAT_TOKEN_PATH, async (req: Request, res: Response) => {
    const check = options.origins.check(req);
    if (!check.ok) return sendError(res, 403, 'Forbidden', `Origin ${check.origin} is not allowed to use this chat.`);
    options.origins.allowCrossOrigin(res, check, 'POST', 'Content-Type');
    res.send(204);
  });

  server.post(CHAT_TOKEN_PATH, async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    const check = options.origins.check(req);
    if (!check.ok) {
      return sendError(res, 403, 'Forbidden', `Origin ${check.origin} is not allowed to use this chat. Add it to ALLOWED_ORIGINS to embed the chat there.`);
    }
    options.origins.allowCrossOrigin(res, check, 'POST', 'Content-Type');
    const taken = options.limiter.take(clientAddress(req));
    if (!taken.allowed) {
      res.header('Retry-After', String(taken.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', `Too many chat sessions requested; try again in ${taken.retryAfterSeconds} seconds.`);
    }
    const body = parseBody(chatTokenRequestSchema, req.body);
    if (!body.ok) return sendError(res, 400, 'BadArgument', body.message);
    if (!options.issuer) {
      return sendError(res, 503, 'NotConfigured', 'The chat is not configured on this server: set DIRECT_LINE_SECRET (the Direct Line channel secret of the Azure Bot).');
    }
    const user = options.users.resolve(body.value);
    try {
      const token = await options.issuer(user.userId, requestOrigin(req));
      res.send(200, { ...token, ...user });
    } catch (error) {
      // The error message names the call and the status only, never the secret.
      const detail = error instanceof DirectLineTokenError ? { status: error.status, reason: error.message } : { reason: 'unexpected error' };
      options.logger.warn(detail, 'chat token: Direct Line token exchange failed');
      sendError(res, 502, 'ServiceError', 'The chat service could not start a conversation right now. Please try again in a moment.');
    }
  });
}
