import type { Response } from 'restify';

/**
 * The error codes our Direct Line-compatible routes answer with, in Direct Line's own shape
 * `{ error: { code, message } }`, so Web Chat and Direct Line clients read them as usual.
 */
export const DIRECT_LINE_ERROR_CODES = [
  /** 400/404: a malformed request or body, or a conversation id that is unknown or has expired. */
  'BadArgument',
  /** 401: no token in the Authorization header. */
  'MissingProperty',
  /** 403: a token that is not valid for this conversation, or an origin that is not allowed. */
  'Forbidden',
  /** 403: a token that was valid but has expired; the client gets a new one. */
  'TokenExpired',
  /** 413: an activity larger than the bot accepts. */
  'MessageSizeTooBig',
  /** 429: too many token requests from one client. */
  'TooManyRequests',
  /** 502: the bot or the Direct Line service failed. */
  'ServiceError',
  /** 503: the chat is not configured on this server (production without DIRECT_LINE_SECRET). */
  'NotConfigured',
] as const;

export type DirectLineErrorCode = (typeof DIRECT_LINE_ERROR_CODES)[number];

export interface DirectLineErrorBody {
  error: { code: DirectLineErrorCode; message: string };
}

/**
 * Answers with a Direct Line error body.
 *
 * @example
 * sendError(res, 404, 'BadArgument', 'Conversation not found: it is unknown or has expired.');
 */
export function sendError(res: Response, status: number, code: DirectLineErrorCode, message: string): void {
  const body: DirectLineErrorBody = { error: { code, message } };
  res.send(status, body);
}
