import { z } from 'zod';
import { formatIssues } from '../../knowledge/validation/formatIssues.js';

/** Largest text accepted in one message; longer texts are refused with a clear error. */
export const MAX_TEXT_LENGTH = 20_000;

const activityShape = z.looseObject({
  type: z.string().trim().min(1, 'activity.type must be a non-empty string'),
  text: z.string().max(MAX_TEXT_LENGTH, `activity.text is longer than ${MAX_TEXT_LENGTH} characters`).optional(),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().min(1) }),
  serviceUrl: z.string().optional(),
  locale: z.string().optional(),
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
  return { ok: false, error: formatIssues(parsed.error, { root: 'activity', nested: true, max: 1, selfNamed: 'activity.' }) };
}
