import type { Activity } from 'botbuilder-core';
import { extractRenewalId } from '../../services/contracts/index.js';
import { redactProofs } from '../../services/handoff/index.js';

/** Teams' kinds of conversation that several people read. */
const SHARED_TYPES: ReadonlySet<string> = new Set(['channel', 'groupChat']);

/**
 * Whether everyone in a group reads this conversation: a Teams channel or group chat, or any
 * channel's conversation marked as a group.
 *
 * @example
 * isSharedConversation({ conversation: { id: 'c', isGroup: false, conversationType: 'channel', name: '' } }) // true
 */
export function isSharedConversation(activity: Pick<Partial<Activity>, 'conversation'>): boolean {
  const conversation = activity.conversation;
  return conversation?.isGroup === true || SHARED_TYPES.has(conversation?.conversationType ?? '');
}

/** A card submit's own names for contract data. */
const CONTRACT_KEYS: ReadonlySet<string> = new Set(['renewalid', 'proof', 'proofofpurchase', 'certificate']);
/** How far a card submit's value is read: nobody nests contract data deeper or writes more. */
const MAX_DEPTH = 4;
const MAX_STRINGS = 100;

/**
 * Whether a message holds what looks like contract details: a renewal ID, or a proof of purchase
 * (a certificate or order number: any token of six digits or more), in its text or in the value
 * a card submit carries.
 *
 * @example
 * holdsContractDetails({ text: 'my certificate is CRT-774310452' }) // true
 * holdsContractDetails({ text: '', value: { renewalId: 'RNW-20481137' } }) // true
 * holdsContractDetails({ text: 'is there a grace period?' }) // false
 */
export function holdsContractDetails(activity: Pick<Partial<Activity>, 'text' | 'value'>): boolean {
  const strings: string[] = typeof activity.text === 'string' ? [activity.text] : [];
  if (collect(activity.value, strings, 0)) return true;
  return strings.some((text) => extractRenewalId(text) !== undefined || holdsProof(text));
}

/** Gathers the strings of a submitted value; true as soon as one of its keys names contract data. */
function collect(value: unknown, into: string[], depth: number): boolean {
  if (into.length >= MAX_STRINGS || depth > MAX_DEPTH) return false;
  if (typeof value === 'string') {
    into.push(value);
    return false;
  }
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((inner: unknown) => into.length < MAX_STRINGS && collect(inner, into, depth + 1));
  for (const [key, inner] of Object.entries(value)) {
    if (into.length >= MAX_STRINGS) return false;
    if (CONTRACT_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, ''))) return true;
    if (collect(inner, into, depth + 1)) return true;
  }
  return false;
}

function holdsProof(text: string): boolean {
  const plain = text.slice(0, 10_000).normalize('NFKC');
  return redactProofs(plain) !== plain;
}
