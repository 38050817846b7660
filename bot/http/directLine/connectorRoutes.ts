import type { Request, Response, Server } from 'restify';
import { isLocalCaller } from './clientAddress.js';
import type { ActivityJson, ConversationStore } from './conversationStore.js';
import { sendError } from './errors.js';
import { botActivitySchema, parseBody } from './schemas.js';

/**
 * The channel side of the Bot Connector API, for the embedded Direct Line endpoint: the
 * CloudAdapter posts the bot's replies (and later, proactive messages) here, and they join
 * the conversation's transcript, which Web Chat polls. This is what the Bot Framework
 * Emulator does. Only this machine may call it: it is the bot talking to itself.
 *
 * - `POST /v3/conversations/:conversationId/activities` (send to conversation)
 * - `POST /v3/conversations/:conversationId/activities/:activityId` (reply to activity)
 * - `PUT /v3/conversations/:conversationId/activities/:activityId` (update activity)
 */
export function registerConnectorRoutes(server: Server, store: ConversationStore): void {
  const receive = (mode: 'send' | 'update') => async (req: Request, res: Response) => {
    if (!isLocalCaller(req)) return sendError(res, 403, 'Forbidden', 'Only the bot itself may post to this conversation.');
    const conversationId = req.params.conversationId ?? '';
    if (!store.get(conversationId)) return sendError(res, 404, 'BadArgument', `Conversation not found: ${conversationId}`);
    const body = parseBody(botActivitySchema, req.body);
    if (!body.ok) return sendError(res, 400, 'BadArgument', body.message);
    const activityId: string | undefined = req.params.activityId;
    if (mode === 'update' && (!activityId || !store.has(conversationId, activityId))) {
      return sendError(res, 404, 'BadArgument', `Activity not found: ${activityId ?? ''}`);
    }
    // Typing indicators only matter while they are live; polling clients would get them late.
    if (body.value.type === 'typing') {
      // Not `return res.send(...)`: restify logs a whole response object when an async handler returns one.
      res.send(200, {});
      return;
    }
    const { serviceUrl: _internal, replyToId, ...activity } = body.value;
    // A reply to the conversationUpdate (which clients never see) would keep Web Chat waiting
    // for that activity: only keep a replyToId that clients can find in the transcript.
    const replyTo = typeof replyToId === 'string' && store.has(conversationId, replyToId) ? { replyToId } : {};
    const stored = store.append(conversationId, {
      ...activity,
      ...replyTo,
      ...(mode === 'update' ? { id: activityId } : { id: undefined }),
      from: { ...asRecord(activity.from), role: 'bot' },
    } satisfies ActivityJson);
    res.send(200, { id: stored?.id });
  };

  server.post('/v3/conversations/:conversationId/activities', receive('send'));
  server.post('/v3/conversations/:conversationId/activities/:activityId', receive('send'));
  server.put('/v3/conversations/:conversationId/activities/:activityId', receive('update'));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? { ...value } : {};
}
