import type { Lang } from '../../knowledge/language/lang.js';
import type { Translate } from '../translation.js';
import { contractStatus, needsRenewal, parseIsoDate, type Contract } from '../../services/contracts/index.js';
import { formatDate } from '../formatDate.js';
import { alignmentText } from './alignmentView.js';
import { bulletList, paragraphs } from '../replies/markdown.js';

export const STEP_COUNT = 6;

export interface StepInput {
  contract: Contract;
  /** Every contract of the account, the walked one included. */
  account: readonly Contract[];
  today: Date;
  lang: Lang;
  t: Translate;
  /** Step 4: where the latest quote request stands (quoteProgressLine), when there is one. */
  quoteLine?: string | undefined;
}

/**
 * The text of one of the six steps of the renewal, written with the user's own contract:
 * 1 contracts to renew and aligning their end dates, 2 proofs of purchase, 3 licence usage,
 * 4 the reseller and a quote, 5 the renewal confirmation and activation code, 6 serial
 * numbers and support contacts.
 */
export function stepText(step: number, input: StepInput): string {
  const { t } = input;
  const header = t('walk.header', { step, total: STEP_COUNT, title: t(`walk.steps.${step}.title`) });
  return paragraphs(header, body(step, input));
}

function body(step: number, { contract, account, today, lang, t, quoteLine }: StepInput): string {
  const date = (d: Date) => formatDate(d, lang);
  switch (step) {
    case 1: {
      const due = account.filter((c) => needsRenewal(c, today));
      const lines = due.map((c) => {
        const s = contractStatus(c, today);
        return t('walk.steps.1.line', { renewalId: c.renewalId, date: date(s.effectiveEnd), status: t(`status.state.${s.status}`) });
      });
      const intro = due.length > 0 ? t('walk.steps.1.due', { count: due.length }) : t('walk.steps.1.noneDue');
      const align = account.length > 1 ? alignmentText(account, today, lang, t) : undefined;
      return paragraphs(intro, bulletList(lines), t('walk.steps.1.text'), align);
    }
    case 2: {
      const san = contract.san ? t('walk.steps.2.san') : undefined;
      return paragraphs(t('walk.steps.2.text', { renewalId: contract.renewalId }), san);
    }
    case 3: {
      const products = contract.products.map((p) =>
        `${t('status.product', { name: p.name, version: p.version, count: p.quantity })}${p.versionSupported ? '' : ` ${t('status.unsupported')}`}`);
      return paragraphs(t('walk.steps.3.intro'), bulletList(products), t('walk.steps.3.text'));
    }
    case 4: {
      const { reseller } = contract;
      const requested = quoteLine ? t('status.fact', { label: t('quote.label'), value: quoteLine }) : contract.renewalState === 'quote-requested' ? t('walk.steps.4.alreadyRequested') : undefined;
      return paragraphs(t('walk.steps.4.text', { name: reseller.name, email: reseller.email, phone: reseller.phone }), requested);
    }
    case 5:
      return t('walk.steps.5.text', { date: date(contractStatus(contract, today).renewalStart) });
    default:
      return t('walk.steps.6.text', { end: date(parseIsoDate(contract.maintenanceEnd)) });
  }
}
