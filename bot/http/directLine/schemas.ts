import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../activityGuard.js';

/** Every body our chat routes read, checked here before anything else looks at it. */

const locale = z.string().trim().min(2).max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'locale must be a BCP 47 tag such as fr-FR');

/** `POST /api/directline/token`: the browser may send back the user id it was given. */
export const chatTokenRequestSchema = z.object({
  userId: z.string().max(100).optional(),
  userSignature: z.string().max(200).optional(),
});

/**
 * `POST /v3/directline/tokens/generate` (embedded endpoint), as Direct Line takes it; a chosen
 * `user.id` must come with the `userSignature` that /api/directline/token gave for it.
 */
export const generateTokenSchema = z.object({
  user: z.object({ id: z.string().max(100).optional() }).optional(),
  userSignature: z.string().max(200).optional(),
});

/** `POST /v3/directline/conversations`: Web Chat sends the user and the locale. */
export const startConversationSchema = z.object({
  user: z.object({ id: z.string().max(100).optional() }).optional(),
  locale: locale.optional(),
});

/** Activity types a client may post; others (conversationUpdate, invoke…) are the channel's or need a reply we cannot give. */
export const CLIENT_ACTIVITY_TYPES = ['message', 'event', 'typing'] as const;

const attachment = z.object({
  contentType: z.string().min(1).max(200),
  contentUrl: z.string().max(2000).optional(),
  name: z.string().max(500).optional(),
  content: z.unknown().optional(),
});

/** Largest activity a client may post, in bytes of JSON (what is kept of it). */
export const MAX_CLIENT_ACTIVITY_BYTES = 65_536;

/**
 * An activity posted by Web Chat: the fields the bot reads, the rest dropped (nothing a client
 * invents is kept). `from` is ignored: the user is the one the token names. Text longer than
 * the bot accepts is refused with 413 (see `textTooLong`), and so is an activity over
 * MAX_CLIENT_ACTIVITY_BYTES (see `activityTooBig`).
 */
export const clientActivitySchema = z.object({
  type: z.enum(CLIENT_ACTIVITY_TYPES, { message: `activity.type must be one of ${CLIENT_ACTIVITY_TYPES.join(', ')}` }),
  text: z.string().max(MAX_TEXT_LENGTH, `activity.text is longer than ${MAX_TEXT_LENGTH} characters`).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: locale.optional(),
  name: z.string().max(200).optional(),
  value: z.unknown().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(attachment).max(10).optional(),
  entities: z.array(z.looseObject({ type: z.string().min(1).max(200) })).max(20).optional(),
  from: z.looseObject({ name: z.string().max(100).optional() }).optional(),
});

export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** Whether a checked activity is larger than a client may post. */
export function activityTooBig(activity: ClientActivity): boolean {
  return Buffer.byteLength(JSON.stringify(activity)) > MAX_CLIENT_ACTIVITY_BYTES;
}

/** Whether a posted body carries more text than the bot accepts (answered with 413, not 400). */
export function textTooLong(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string' && body.text.length > MAX_TEXT_LENGTH;
}

/** An activity the bot sends through the Bot Connector API (to the embedded channel). */
export const botActivitySchema = z.looseObject({
  type: z.string().trim().min(1, 'activity.type must be a non-empty string'),
  id: z.string().optional(),
});

/** Reminders `POST /api/notify` can send, by locale key under `webChat.reminders`. */
export const REMINDER_KEYS = ['renewalDue'] as const;

/** `POST /api/notify`: a text, or a reminder written in the conversation's language. */
export const notifySchema = z.union([
  z.object({ conversationId: z.string().min(1).max(200), text: z.string().trim().min(1).max(MAX_TEXT_LENGTH) }).strict(),
  z.object({ conversationId: z.string().min(1).max(200), reminder: z.enum(REMINDER_KEYS) }).strict(),
], { message: `give { conversationId, text } or { conversationId, reminder } with reminder one of ${REMINDER_KEYS.join(', ')}` });

export type NotifyRequest = z.infer<typeof notifySchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; path: string };

/**
 * Parses a body; an empty body counts as `{}` so optional bodies can be left out.
 *
 * @example
 * parseBody(startConversationSchema, undefined) // { ok: true, value: {} }
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  const result = schema.safeParse(body === undefined || body === '' ? {} : body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  const message = issue?.message ?? 'invalid body';
  return { ok: false, path, message: message.startsWith('activity.') || path === '' ? message : `${path}: ${message}` };
}
