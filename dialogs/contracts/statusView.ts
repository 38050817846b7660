import type { Attachment } from 'botbuilder-core';
import type { Lang } from '../../knowledge/language/lang.js';
import type { Translate } from '../translation.js';
import { contractStatus, graceNoticeDate, parseIsoDate, type Contract } from '../../services/contracts/index.js';
import { formatDate } from '../formatDate.js';

export interface StatusViewInput {
  contract: Contract;
  /** The account's other contracts (the one shown is left out). */
  others: readonly Contract[];
  today: Date;
  lang: Lang;
  t: Translate;
  /** Where the latest quote request stands (quoteProgressLine), when there is one. */
  quoteLine?: string | undefined;
}

export interface StatusView {
  /** The whole status in plain text, for channels without cards (and as the card's fallback). */
  text: string;
  /** The same content as an Adaptive Card 1.5 (what Teams and Web Chat render). */
  card: Attachment;
}

type Color = 'Good' | 'Warning' | 'Attention';
const COLORS: Record<string, Color> = { active: 'Good', expiring: 'Warning', expired: 'Attention' };

/** Status, dates, products and what to do next for one verified contract. */
export function statusView({ contract, others, today, lang, t, quoteLine }: StatusViewInput): StatusView {
  const status = contractStatus(contract, today);
  const date = (d: Date) => formatDate(d, lang);
  const title = t('status.title', { renewalId: contract.renewalId, account: contract.account.name });
  const headline = `${t(`status.state.${status.status}`)} — ${daysText(status.daysLeft, status.daysSinceEnd, t)}`;
  const facts: Array<[string, string]> = [
    [t('status.labels.products'), contract.products.map((p) => productLine(p, t)).join('\n')],
    [t('status.labels.start'), date(parseIsoDate(contract.maintenanceStart))],
    [t('status.labels.end'), date(parseIsoDate(contract.maintenanceEnd))],
    [t('status.labels.renewalState'), t(`status.renewal.${contract.renewalState}`, { date: contract.renewedEnd ? date(parseIsoDate(contract.renewedEnd)) : '' })],
    [t('status.labels.newTerm'), t('status.newTermValue', { date: date(status.renewalStart) })],
  ];
  if (quoteLine) facts.push([t('quote.label'), quoteLine]);
  const notes: string[] = [];
  if (status.status === 'expiring' && !status.isRenewed) {
    notes.push(t(contract.segment === 'smb' ? 'status.note.expiringSmb' : 'status.note.expiring', { end: date(status.effectiveEnd) }));
  }
  if (status.status === 'expired') {
    notes.push(t('status.note.expired', { end: date(status.effectiveEnd), graceDate: date(graceNoticeDate(contract.region)) }));
  }

  const otherLines = others.map((o) => {
    const s = contractStatus(o, today);
    return t('status.otherLine', { renewalId: o.renewalId, date: date(s.effectiveEnd), status: t(`status.state.${s.status}`) });
  });

  const text = [
    title,
    headline,
    ...facts.map(([label, value]) => t('status.fact', { label, value: value.replace(/\n/g, '; ') })),
    ...notes,
    ...(otherLines.length > 0 ? [t('status.others', { account: contract.account.name }), ...otherLines.map((l) => `• ${l}`)] : []),
  ].join('\n');

  const card: Attachment = {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: text,
      speak: `${title}. ${headline}.`,
      body: [
        { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: headline, color: COLORS[status.status] ?? 'Default', weight: 'Bolder', wrap: true, spacing: 'Small' },
        { type: 'FactSet', facts: facts.map(([label, value]) => ({ title: label, value })) },
        ...notes.map((note) => ({ type: 'TextBlock', text: note, wrap: true, isSubtle: false })),
        ...(otherLines.length > 0
          ? [
              { type: 'TextBlock', text: t('status.others', { account: contract.account.name }), weight: 'Bolder', wrap: true, separator: true },
              ...otherLines.map((line) => ({ type: 'TextBlock', text: `• ${line}`, wrap: true, spacing: 'Small' })),
            ]
          : []),
      ],
    },
  };
  return { text, card };
}

function daysText(daysLeft: number, daysSinceEnd: number, t: Translate): string {
  if (daysSinceEnd > 0) return t('status.days.since', { count: daysSinceEnd });
  if (daysLeft === 0) return t('status.days.lastDay');
  return t('status.days.left', { count: daysLeft });
}

function productLine(product: Contract['products'][number], t: Translate): string {
  const line = t('status.product', { name: product.name, version: product.version, count: product.quantity });
  return product.versionSupported ? line : `${line} ${t('status.unsupported')}`;
}

/** Channels that render Adaptive Cards; the others get the plain text. */
const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test']);

export function rendersCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has(channelId ?? '');
}
