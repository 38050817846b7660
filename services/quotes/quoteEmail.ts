import { addDays } from 'date-fns/addDays';
import { LANGS, type Lang } from '../../knowledge/language/lang.js';
import { parseIsoDate } from '../contracts/calendarDate.js';
import type { Contract } from '../contracts/contract.js';
import type { MailPayload } from './quoteDeliveryRecord.js';

/** Localized strings for one language (the wiring hands in the bot's translator, locales/ `quote.mail`). */
export type Texts = (key: string, vars?: Record<string, unknown>) => string;
export type TextsFor = (lang: Lang) => Texts;

export interface QuoteEmailInput {
  quoteId: string;
  contract: Contract;
  /** Who asked: the chat user's name. */
  requestedBy: string;
  /** The customer's e-mail address, when they gave one (already validated). */
  contactEmail?: string | undefined;
  note?: string | undefined;
  /** The customer's language. */
  language: Lang;
  /** When the request was made. */
  requestedAt: Date;
  texts: TextsFor;
  /** The domain of the Message-IDs (the sender's). */
  messageIdDomain: string;
}

function formatDay(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/**
 * The contract facts a reseller needs for a quote, in one language. Deliberately without the
 * proofs of purchase (certificate, order number, SAN): an e-mail is no place for them.
 */
function details(input: QuoteEmailInput, lang: Lang): string[] {
  const t = input.texts(lang);
  const { contract } = input;
  const end = parseIsoDate(contract.maintenanceEnd);
  return [
    t('quote.mail.details.quoteId', { id: input.quoteId }),
    t('quote.mail.details.renewalId', { renewalId: contract.renewalId }),
    t('quote.mail.details.account', { name: contract.account.name, number: contract.account.accountNumber }),
    t('quote.mail.details.products'),
    ...contract.products.map((p) => t('quote.mail.details.product', { name: p.name, version: p.version, count: p.quantity })),
    t('quote.mail.details.term', { start: formatDay(parseIsoDate(contract.maintenanceStart), lang), end: formatDay(end, lang) }),
    t('quote.mail.details.newTerm', { date: formatDay(addDays(end, 1), lang) }),
    t('quote.mail.details.region', { region: contract.region }),
    t('quote.mail.details.contact', { name: input.requestedBy }),
    input.contactEmail ? t('quote.mail.details.contactEmail', { email: input.contactEmail }) : t('quote.mail.details.noContactEmail'),
    t('quote.mail.details.language', { language: t(`quote.mail.languageName.${input.language}`) }),
    // The note's own lines are indented, so they cannot pass for lines of the details.
    ...(input.note ? [t('quote.mail.details.note', { note: input.note.replace(/\r\n?|\n/g, '\n    ') })] : []),
  ];
}

function resellerBody(input: QuoteEmailInput, lang: Lang): string {
  const t = input.texts(lang);
  const { contract } = input;
  return [
    t('quote.mail.reseller.greeting', { reseller: contract.reseller.name }),
    '',
    t('quote.mail.reseller.intro', { account: contract.account.name, date: formatDay(input.requestedAt, lang) }),
    '',
    ...details(input, lang),
    '',
    t('quote.mail.reseller.outro', { language: t(`quote.mail.languageName.${input.language}`) }),
  ].join('\n');
}

/** The customer's language first, then the other one: the reseller reads whichever suits them. */
function languagesFor(lang: Lang): Lang[] {
  return [lang, ...LANGS.filter((l) => l !== lang)];
}

/**
 * The e-mail that asks the contract's reseller for a renewal quote: subject in the customer's
 * language, body in both languages (the customer's first); answers go to the customer's
 * address when they gave one.
 *
 * @example
 * const mail = resellerEmail({ quoteId: 'Q-7F3A21C9', contract, requestedBy: 'Claire Martin', language: 'fr', ... });
 */
export function resellerEmail(input: QuoteEmailInput): MailPayload {
  const t = input.texts(input.language);
  const { contract } = input;
  return {
    kind: 'mail',
    to: [contract.reseller.email],
    subject: t('quote.mail.reseller.subject', { id: input.quoteId, renewalId: contract.renewalId, account: contract.account.name }),
    text: languagesFor(input.language).map((lang) => resellerBody(input, lang)).join('\n\n----------\n\n'),
    ...(input.contactEmail ? { replyTo: input.contactEmail } : {}),
    messageId: `<${input.quoteId}.reseller@${input.messageIdDomain}>`,
  };
}

/**
 * The customer's copy, in their language, naming the reseller who will answer.
 *
 * @throws Error when the input has no contactEmail
 */
export function customerEmail(input: QuoteEmailInput): MailPayload {
  if (!input.contactEmail) throw new Error('customerEmail needs the customer\'s address');
  const t = input.texts(input.language);
  const { contract } = input;
  const { reseller } = contract;
  return {
    kind: 'mail',
    to: [input.contactEmail],
    subject: t('quote.mail.customer.subject', { id: input.quoteId, renewalId: contract.renewalId }),
    text: [
      t('quote.mail.customer.greeting'),
      '',
      t('quote.mail.customer.intro', { reseller: reseller.name, email: reseller.email, phone: reseller.phone }),
      '',
      ...details(input, input.language),
      '',
      t('quote.mail.customer.outro'),
    ].join('\n'),
    replyTo: reseller.email,
    messageId: `<${input.quoteId}.customer@${input.messageIdDomain}>`,
  };
}
