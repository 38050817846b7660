import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger.js';
import { LOCAL_DIRECT_LINE_PATH } from './chatTokenIssuers.js';
import { clientAddress, selfServiceUrl } from './clientAddress.js';
import type { ConversationInfo, ConversationStore } from './conversationStore.js';
import { sendError } from './errors.js';
import { USER_ID_PATTERN, type IdGenerator } from './ids.js';
import type { LocalChannel } from './localChannel.js';
import type { LocalTokenClaims, LocalTokens } from './localTokens.js';
import type { OriginPolicy } from './originPolicy.js';
import { activityTooBig, clientActivitySchema, generateTokenSchema, MAX_CLIENT_ACTIVITY_BYTES, parseBody, startConversationSchema, textTooLong } from './schemas.js';
import type { TokenBucketLimiter } from './tokenBucket.js';
import type { UserIds } from './userIds.js';

export interface LocalDirectLineOptions {
  store: ConversationStore;
  tokens: LocalTokens;
  channel: LocalChannel;
  origins: OriginPolicy;
  limiter: TokenBucketLimiter;
  newId: IdGenerator;
  /** Checks the signature of a user id a client asks a token for. */
  users: UserIds;
  logger: Logger;
}

const METHODS = 'GET, POST';

/**
 * The embedded Direct Line 3.0 endpoint (local mode only), what Web Chat's DirectLine client
 * uses with `webSocket: false`:
 *
 * - `POST /tokens/generate`, `POST /tokens/refresh`
 * - `POST /conversations` (start, or resume the token's conversation)
 * - `GET /conversations/:id?watermark=` (reconnect)
 * - `POST /conversations/:id/activities` → `{ id }`
 * - `GET /conversations/:id/activities?watermark=N` → `{ activities, watermark }`
 */
export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): void {
  const { store, tokens, channel } = options;
  const base = LOCAL_DIRECT_LINE_PATH;

  /** Origin check and CORS headers; false when the answer has been sent. */
  const allowOrigin = (req: Request, res: Response): boolean => {
    const check = options.origins.check(req);
    if (!check.ok) {
      sendError(res, 403, 'Forbidden', `Origin ${check.origin} is not allowed to use this chat. Add it to ALLOWED_ORIGINS to embed the chat there.`);
      return false;
    }
    options.origins.allowCrossOrigin(res, check, METHODS);
    res.header('Cache-Control', 'no-store');
    return true;
  };

  /** The token's claims; undefined when the answer (401/403) has been sent. */
  const authorize = (req: Request, res: Response): LocalTokenClaims | undefined => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      sendError(res, 401, 'MissingProperty', 'Authorization header missing: send "Authorization: Bearer <token>" with a token from /tokens/generate.');
      return undefined;
    }
    const check = tokens.check(match[1]);
    if (!check.ok) {
      if (check.reason === 'expired') sendError(res, 403, 'TokenExpired', 'Token expired: get a new one.');
      else sendError(res, 403, 'Forbidden', 'Invalid token.');
      return undefined;
    }
    return check.claims;
  };

  /** The conversation of the URL, which the token must be for; undefined when the answer has been sent. */
  const conversationOf = (req: Request, res: Response): { conversation: ConversationInfo; claims: LocalTokenClaims } | undefined => {
    const claims = authorize(req, res);
    if (!claims) return undefined;
    const id = req.params.conversationId ?? '';
    const conversation = store.get(id);
    if (!conversation) {
      sendError(res, 404, 'BadArgument', `Conversation not found: ${id} is unknown or has expired. Start a new conversation.`);
      return undefined;
    }
    if (claims.conversationId !== id || claims.userId !== conversation.userId) {
      sendError(res, 403, 'Forbidden', 'This token is not valid for this conversation.');
      return undefined;
    }
    return { conversation, claims };
  };

  const conversationAnswer = (claims: LocalTokenClaims) => ({
    conversationId: claims.conversationId,
    ...tokens.issue(claims.conversationId, claims.userId),
  });

  server.opts(`${base}/*`, async (req: Request, res: Response) => {
    if (!allowOrigin(req, res)) return;
    res.send(204);
  });

  server.post(`${base}/tokens/generate`, async (req: Request, res: Response) => {
    if (!allowOrigin(req, res)) return;
    const taken = options.limiter.take(clientAddress(req));
    if (!taken.allowed) {
      res.header('Retry-After', String(taken.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', `Too many tokens requested; try again in ${taken.retryAfterSeconds} seconds.`);
    }
    const body = parseBody(generateTokenSchema, req.body);
    if (!body.ok) return sendError(res, 400, 'BadArgument', body.message);
    const requested = body.value.user?.id;
    if (requested !== undefined && !USER_ID_PATTERN.test(requested)) {
      return sendError(res, 400, 'BadArgument', 'user.id must start with "dl_" followed by letters, digits, "-" or "_".');
    }
    // A user id is a key to that user's state: only the one who was given it may use it.
    if (requested !== undefined && !options.users.isSigned(requested, body.value.userSignature)) {
      return sendError(res, 403, 'Forbidden', 'user.id must come with the userSignature that /api/directline/token gave for it.');
    }
    const conversationId = options.newId();
    const userId = requested ?? `dl_${options.newId()}`;
    res.send(200, { conversationId, ...tokens.issue(conversationId, userId) });
  });

  server.post(`${base}/tokens/refresh`, async (req: Request, res: Response) => {
    if (!allowOrigin(req, res)) return;
    const claims = authorize(req, res);
    if (claims) res.send(200, conversationAnswer(claims));
  });

  server.post(`${base}/conversations`, async (req: Request, res: Response) => {
    if (!allowOrigin(req, res)) return;
    const claims = authorize(req, res);
    if (!claims) return;
    const body = parseBody(startConversationSchema, req.body);
    if (!body.ok) return sendError(res, 400, 'BadArgument', body.message);
    const { conversation, created } = store.start({ id: claims.conversationId, userId: claims.userId, locale: body.value.locale });
    if (created) {
      try {
        await channel.conversationStarted(conversation, selfServiceUrl(req));
      } catch (error) {
        options.logger.error({ err: error, conversationId: conversation.id }, 'embedded Direct Line: the bot failed to start the conversation');
      }
    }
    res.send(created ? 201 : 200, conversationAnswer(claims));
  });

  server.get(`${base}/conversations/:conversationId`, async (req: Request, res: Response) => {
    if (!allowOrigin(req, res)) return;
    if (parseWatermark(req, res) === undefined) return;
    const found = conversationOf(req, res);
    if (found) res.send(200, conversationAnswer(found.claims));
  });

  server.post(`${base}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    if (!allowOrigin(req, res)) return;
    const found = conversationOf(req, res);
    if (!found) return;
    if (textTooLong(req.body)) return sendError(res, 413, 'MessageSizeTooBig', 'The message is too long for the assistant: shorten it and send it again.');
    const body = parseBody(clientActivitySchema, req.body);
    if (!body.ok) return sendError(res, 400, 'BadArgument', body.message);
    if (activityTooBig(body.value)) {
      return sendError(res, 413, 'MessageSizeTooBig', `The activity is larger than ${MAX_CLIENT_ACTIVITY_BYTES} bytes: send less data with it.`);
    }
    try {
      const id = await channel.post(found.conversation, body.value, selfServiceUrl(req));
      res.send(200, { id });
    } catch (error) {
      options.logger.error({ err: error, conversationId: found.conversation.id }, 'embedded Direct Line: the bot failed to process an activity');
      sendError(res, 502, 'ServiceError', 'The assistant could not process this message. Please send it again.');
    }
  });

  server.get(`${base}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    if (!allowOrigin(req, res)) return;
    const watermark = parseWatermark(req, res);
    if (watermark === undefined) return;
    const found = conversationOf(req, res);
    if (!found) return;
    res.send(200, store.since(found.conversation.id, watermark));
  });
}

/** The `watermark` query parameter as a number (absent or empty: 0); undefined when a 400 has been sent. */
function parseWatermark(req: Request, res: Response): number | undefined {
  const query: unknown = req.query;
  const raw = typeof query === 'object' && query !== null && 'watermark' in query ? query.watermark : undefined;
  if (raw === undefined || raw === '') return 0;
  if (typeof raw === 'string' && /^\d{1,15}$/.test(raw)) return Number(raw);
  sendError(res, 400, 'BadArgument', 'watermark must be a number returned by this endpoint.');
  return undefined;
}
