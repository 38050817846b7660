import type { CloudAdapter } from 'botbuilder';
import type { TurnContext } from 'botbuilder-core';
import type { Request, Response, Server } from 'restify';
import type { Translator } from '../../i18n.js';
import type { Logger } from '../../logger.js';
import type { Lang } from '../../../knowledge/language/lang.js';
import { isLocalCaller } from './clientAddress.js';
import type { ConversationReferences } from './conversationReferences.js';
import { sendError } from './errors.js';
import { sameSecret } from './keys.js';
import { notifySchema, parseBody, type NotifyRequest } from './schemas.js';

export const NOTIFY_PATH = '/api/notify';

export interface NotifyRouteOptions {
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** The bot's app id ('' in local mode). */
  botAppId: string;
  references: ConversationReferences;
  translator: Translator;
  /** The conversation's answer language, as stored by the bot (the user's choice first). */
  languageOf: (context: TurnContext) => Promise<Lang>;
  /** NOTIFY_TOKEN: when set, callers must send it as a bearer token; when not, only this machine may call. */
  token?: string;
  logger: Logger;
}

/**
 * `POST /api/notify` `{ conversationId, text }` or `{ conversationId, reminder }`: sends a
 * proactive message to a conversation the bot has seen since it started (references are
 * kept in memory); a reminder is written in the language the bot answers this user in.
 */
export function registerNotifyRoute(server: Server, options: NotifyRouteOptions): void {
  server.post(NOTIFY_PATH, async (req: Request, res: Response) => {
    if (!authorized(req, options.token)) {
      return sendError(res, 403, 'Forbidden', options.token
        ? 'Send the notify token as "Authorization: Bearer <NOTIFY_TOKEN>".'
        : 'Without NOTIFY_TOKEN set, /api/notify only accepts calls from this machine.');
    }
    const body = parseBody(notifySchema, req.body);
    if (!body.ok) return sendError(res, 400, 'BadArgument', body.message);
    const reference = options.references.get(body.value.conversationId);
    if (!reference) {
      return sendError(res, 404, 'BadArgument', `Conversation not found: the bot has not seen ${body.value.conversationId} since it started.`);
    }
    const request = body.value;
    try {
      await options.adapter.continueConversationAsync(options.botAppId, reference, async (context) => {
        await context.sendActivity(await textOf(request, context, options));
      });
      res.send(200, { sent: true });
    } catch (error) {
      options.logger.error({ err: error, conversationId: body.value.conversationId }, 'notify: the proactive message failed');
      sendError(res, 502, 'ServiceError', 'The message could not be delivered to the conversation.');
    }
  });
}

function authorized(req: Request, token: string | undefined): boolean {
  if (!token) return isLocalCaller(req);
  const header = req.header('authorization') ?? '';
  return sameSecret(header, `Bearer ${token}`);
}

async function textOf(request: NotifyRequest, context: TurnContext, options: NotifyRouteOptions): Promise<string> {
  if ('text' in request) return request.text;
  return options.translator.forLang(await options.languageOf(context))(`webChat.reminders.${request.reminder}`);
}
