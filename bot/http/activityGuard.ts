import { z } from 'zod';

/** Largest text accepted in one message; longer texts are refused with a clear error. */
export const MAX_TEXT_LENGTH = 20_000;

/** Longest id (conversation, user) accepted: Teams ids are about 100 characters. */
export const MAX_ID_LENGTH = 512;
/** Longest display name accepted. */
export const MAX_NAME_LENGTH = 256;

const id = z.string().min(1).max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`);
const name = z.string().max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`).optional();

const activityShape = z.looseObject({
  type: z.string().trim().min(1, 'activity.type must be a non-empty string').max(100),
  text: z.string().max(MAX_TEXT_LENGTH, `activity.text is longer than ${MAX_TEXT_LENGTH} characters`).optional(),
  conversation: z.looseObject({ id, name, tenantId: id.optional() }),
  from: z.looseObject({ id, name }),
  recipient: z.looseObject({ id, name }).optional(),
  serviceUrl: z.string().max(2048).optional(),
  channelId: z.string().max(100).optional(),
  locale: z.string().max(35).optional(),
});

export type GuardResult = { ok: true } | { ok: false; error: string };

/**
 * Checks the minimum an activity needs before botbuilder sees it: the CloudAdapter answers 500
 * to an activity without a type, where the sender deserves a 400 that says what is wrong.
 *
 * @example
 * checkActivity({ type: 'message', conversation: { id: 'c' }, from: { id: 'u' } }) // { ok: true }
 */
export function checkActivity(body: unknown): GuardResult {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `activity.${issue.path.join('.')}` : 'activity';
  const message = issue?.message.startsWith('activity.') ? issue.message : `${where}: ${issue?.message ?? 'invalid'}`;
  return { ok: false, error: message };
}
