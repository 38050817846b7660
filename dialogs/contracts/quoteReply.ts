import type { Lang } from '../../knowledge/language/lang.js';
import type { QuoteProgress } from '../../services/quotes/index.js';
import type { Reseller } from '../../services/contracts/index.js';
import { formatDate } from '../formatDate.js';
import type { Translate } from '../translation.js';

/**
 * What the bot says right after a quote request: "sent" only when the reseller has it,
 * otherwise "recorded" with the reseller's address for an urgent case; then the copy's fate.
 */
export function quoteReplyText(progress: QuoteProgress, reseller: Reseller, t: Translate): string {
  const main = progress.state === 'sent'
    ? t('quote.sent', { id: progress.quoteId, reseller: reseller.name })
    : t('quote.recorded', { id: progress.quoteId, reseller: reseller.name, email: reseller.email });
  const copy = progress.copy ? t(`quote.copy.${progress.copy.state}`, { email: progress.copy.to }) : '';
  return copy ? `${main} ${copy}` : main;
}

/** One line for the contract status: "Q-7F3A21C9, sent to Infogérance Lyonnaise on 28 November 2026". */
export function quoteProgressLine(progress: QuoteProgress, reseller: Reseller, lang: Lang, t: Translate): string {
  const date = formatDate(new Date(progress.state === 'sent' && progress.sentAt ? progress.sentAt : progress.requestedAt), lang);
  return t(`quote.progress.${progress.state}`, { id: progress.quoteId, reseller: reseller.name, date });
}
