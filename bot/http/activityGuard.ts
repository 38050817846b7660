import { z } from 'zod';
import { formatIssues } from '../../knowledge/validation/formatIssues.js';

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

/** Bodies already accepted (held weakly: they go with their request). */
const accepted = new WeakSet<object>();

export type GuardResult = { ok: true } | { ok: false; error: string };

/**
 * Checks the minimum an activity needs before botbuilder sees it: the CloudAdapter answers 500
 * to an activity without a type, where the sender deserves a 400 that says what is wrong.
 *
 * @example
 * checkActivity({ type: 'message', conversation: { id: 'c' }, from: { id: 'u' } }) // { ok: true }
 */
export function checkActivity(body: unknown): GuardResult {
  // The route checks first, the adapter endpoint again: the second check of one body is free.
  if (typeof body === 'object' && body !== null && accepted.has(body)) return { ok: true };
  const parsed = activityShape.safeParse(body);
  if (parsed.success) {
    if (typeof body === 'object' && body !== null) accepted.add(body);
    return { ok: true };
  }
  return { ok: false, error: formatIssues(parsed.error, { root: 'activity', nested: true, max: 1, selfNamed: 'activity.' }) };
}
