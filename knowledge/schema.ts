import { z } from 'zod';

import { LANGS, type Lang } from './language/lang.js';

export { LANGS, type Lang };

/** Ids fixed by ../shared/intents.md: FAQ answers served from knowledge/faq. */
export const FAQ_IDS = [
  'scope-on-premise', 'why-renew', 'what-is-maintenance', 'what-is-renewal', 'if-not-renewed',
  'expiry-notice', 'renewal-process', 'plan-needs', 'find-reseller', 'support-contacts',
  'active-contracts-list', 'contract-dates', 'missing-renewal-email', 'symhelp', 'co-termination',
  'when-to-renew', 'installments', 'multi-year-term', 'multi-year-upfront', 'additional-licenses',
  'late-maintenance-purchase', 'reinstate-lapsed', 'grace-period', 'how-to-renew',
  'proof-of-purchase', 'renewal-id', 'update-product', 'register-serials', 'who-to-contact',
] as const;
export type FaqId = (typeof FAQ_IDS)[number];

/** Conversation intents handled by dialogs (phrasings in knowledge/intents). */
export const CONVERSATION_IDS = [
  'check-status', 'start-renewal', 'talk-to-agent', 'change-language',
  'greeting', 'help', 'thanks', 'goodbye',
] as const;
export type ConversationId = (typeof CONVERSATION_IDS)[number];

export type IntentId = FaqId | ConversationId;

/** Small-talk intents: they answer a message that is mostly small talk, not one that mentions it. */
export const SMALL_TALK_IDS: readonly ConversationId[] = ['greeting', 'thanks', 'goodbye'];
export const NONE = 'none';
export type IntentOrNone = IntentId | typeof NONE;

/** Keys of links that the source names but does not give; their URLs come from configuration. */
export const LINK_KEYS = [
  'customerPortal', 'partnerLocator', 'renewalPolicy', 'customerService', 'sales',
  'knowledgeBase', 'symhelp', 'forums', 'renewalsPage',
] as const;
export type LinkKey = (typeof LINK_KEYS)[number];

const text = z.string().trim().min(1);
/** Short enough for a chat bubble. */
const answerText = text.max(900, 'answer is too long for a chat bubble (900 characters at most)');
const phrasings = z.array(text).min(6, 'needs at least 6 phrasings');

export const faqLocalizedSchema = z.strictObject({
  /** Button label, a short question in this language. */
  title: text.max(60, 'title is too long for a button (60 characters at most)'),
  answer: answerText,
  phrasings,
});

export const faqEntrySchema = z.strictObject({
  id: z.enum(FAQ_IDS),
  /** The heading of the source FAQ section the facts come from. */
  section: text,
  /** The question of the source FAQ this entry answers. */
  sourceQuestion: text,
  related: z.array(z.enum(FAQ_IDS)).min(1).max(4),
  links: z.array(z.enum(LINK_KEYS)).default([]),
  fr: faqLocalizedSchema,
  en: faqLocalizedSchema,
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

export const conversationIntentSchema = z.strictObject({
  id: z.enum(CONVERSATION_IDS),
  fr: z.strictObject({ title: text.max(60), phrasings }),
  en: z.strictObject({ title: text.max(60), phrasings }),
});
export type ConversationIntent = z.infer<typeof conversationIntentSchema>;

/** Messages that sound close to the domain but are not about it: the recognizer's "none" examples. */
export const outOfScopeSchema = z.strictObject({
  fr: z.array(text).min(10),
  en: z.array(text).min(10),
});
export type OutOfScope = z.infer<typeof outOfScopeSchema>;

const faqIdSet: ReadonlySet<string> = new Set(FAQ_IDS);
const conversationIdSet: ReadonlySet<string> = new Set(CONVERSATION_IDS);

export function isFaqId(id: string): id is FaqId {
  return faqIdSet.has(id);
}

export function isConversationId(id: string): id is ConversationId {
  return conversationIdSet.has(id);
}

export function isIntentId(id: string): id is IntentId {
  return faqIdSet.has(id) || conversationIdSet.has(id);
}
