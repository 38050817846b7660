import type { Activity } from 'botbuilder-core';
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

export type GuardResult = { ok: true } | { ok: false; error: string };

/** An accepted body, typed as the Activity botbuilder expects, or what is wrong with it. */
export type ActivityRead = { activity: Activity } | { error: string };

/**
 * Checks the minimum an activity needs before botbuilder sees it: the CloudAdapter answers 500
 * to an activity without a type, where the sender deserves a 400 that says what is wrong.
 *
 * @example
 * checkActivity({ type: 'message', conversation: { id: 'c' }, from: { id: 'u' } }) // { ok: true }
 */
export function checkActivity(body: unknown): GuardResult {
  const read = readActivity(body);
  return 'activity' in read ? { ok: true } : { ok: false, error: read.error };
}

/** {@link checkActivity}, giving the accepted body as an Activity: the message route reads each body once. */
export function readActivity(body: unknown): ActivityRead {
  if (plainlyValid(body)) return { activity: body };
  // Whatever the quick check did not accept goes through the schema, which also words the error.
  if (fitsSchema(body)) return { activity: body };
  const parsed = activityShape.safeParse(body);
  return { error: parsed.success ? 'activity: invalid' : formatIssues(parsed.error, { root: 'activity', nested: true, max: 1, selfNamed: 'activity.' }) };
}

function fitsSchema(body: unknown): body is Activity {
  return activityShape.safeParse(body).success;
}

/**
 * The schema's rules written out by hand, for the bodies every channel sends: about 20 times
 * cheaper than the schema on each message. Only a yes is final; a no is decided by the schema,
 * so this check may be stricter than the schema (plain objects only), never looser.
 */
function plainlyValid(body: unknown): body is Activity {
  if (!isPlainObject(body)) return false;
  const { type, text, conversation, from, recipient, serviceUrl, channelId, locale } = body;
  if (typeof type !== 'string') return false;
  const trimmedType = type.trim().length;
  if (trimmedType < 1 || trimmedType > 100) return false;
  return (
    optionalString(text, 0, MAX_TEXT_LENGTH) &&
    party(conversation, true) &&
    party(from, false) &&
    (recipient === undefined || party(recipient, false)) &&
    optionalString(serviceUrl, 0, 2048) &&
    optionalString(channelId, 0, 100) &&
    optionalString(locale, 0, 35)
  );
}

/** A conversation or a participant: an id, maybe a name (and for a conversation, a tenant id). */
function party(value: unknown, withTenant: boolean): boolean {
  if (!isPlainObject(value)) return false;
  const { id: partyId, name: partyName } = value;
  if (typeof partyId !== 'string' || partyId.length < 1 || partyId.length > MAX_ID_LENGTH) return false;
  if (!optionalString(partyName, 0, MAX_NAME_LENGTH)) return false;
  return !withTenant || optionalString(value.tenantId, 1, MAX_ID_LENGTH);
}

function optionalString(value: unknown, min: number, max: number): boolean {
  return value === undefined || (typeof value === 'string' && value.length >= min && value.length <= max);
}

/** What JSON.parse makes of an object: no array, no class instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
