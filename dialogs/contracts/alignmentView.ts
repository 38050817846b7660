import type { Lang } from '../../knowledge/language/lang.js';
import type { Translate } from '../translation.js';
import { alignEndDates, type Contract } from '../../services/contracts/index.js';
import { formatDate } from '../formatDate.js';
import { bulletList, paragraphs } from '../replies/markdown.js';

/**
 * The preview of aligning an account's contracts on one end date, as text: the common date,
 * and for each contract how many days it would be extended or shortened. A preview for the
 * conversation with the reseller, not a price.
 */
export function alignmentText(contracts: readonly Contract[], today: Date, lang: Lang, t: Translate): string {
  const preview = alignEndDates(contracts, today);
  const date = (d: Date) => formatDate(d, lang);
  const excluded = preview.excluded.map((e) => t('align.excluded', { renewalId: e.renewalId }));
  if (preview.kind === 'nothing-to-align') return paragraphs(t('align.nothing'), bulletList(excluded));
  const lines = preview.changes.map((c) => {
    const key = c.days > 0 ? 'align.extended' : c.days < 0 ? 'align.shortened' : 'align.unchanged';
    return t(key, { renewalId: c.renewalId, from: date(c.currentEnd), to: date(c.proposedEnd), count: Math.abs(c.days) });
  });
  const intro = t('align.intro', { date: date(preview.commonEnd), anchor: preview.anchorRenewalId });
  return paragraphs(intro, bulletList([...lines, ...excluded]), t('align.outro'));
}
