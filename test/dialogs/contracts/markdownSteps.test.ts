import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../bot/i18n.js';
import { alignmentText } from '../../../dialogs/contracts/alignmentView.js';
import { STEP_COUNT, stepText } from '../../../dialogs/contracts/walkthroughSteps.js';
import { LANGS } from '../../../knowledge/language/lang.js';
import { aContract } from '../../services/contracts/aContract.js';
import { markdownProblems } from '../../support/markdown.js';

const translator = createTranslator();
const today = new Date(2026, 10, 28);
// One account: the anchor (most licences), one ending in 45 days, one with two products and a SAN.
const account = [
  aContract({ maintenanceStart: '2026-01-01', maintenanceEnd: '2027-04-27' }),
  aContract({ renewalId: 'RNW-20481245', maintenanceStart: '2025-01-12', maintenanceEnd: '2027-01-12', products: [{ name: 'Symantec Endpoint Protection', version: '14.3 RU8', quantity: 10, versionSupported: true }] }),
  aContract({
    renewalId: 'RNW-20481389',
    maintenanceStart: '2026-01-01',
    maintenanceEnd: '2027-07-16',
    san: 'SAN-4471-2210-88',
    renewalState: 'quote-requested',
    products: [
      { name: 'Backup Exec', version: '16', quantity: 2, versionSupported: false },
      { name: 'Symantec Endpoint Protection', version: '14.3 RU8', quantity: 5, versionSupported: true },
    ],
  }),
];

describe('walkthrough steps and the alignment preview, as Markdown', () => {
  for (const lang of LANGS) {
    it(`render their lists and paragraphs as Markdown blocks in ${lang}`, () => {
      const t = translator.forLang(lang);
      for (let step = 1; step <= STEP_COUNT; step++) {
        for (const contract of account) {
          const text = stepText(step, { contract, account, today, lang, t });
          expect(markdownProblems(text), `step ${step} of ${contract.renewalId}`).toEqual([]);
        }
      }
      expect(markdownProblems(alignmentText(account, today, lang, t))).toEqual([]);
    });
  }

  it('lists the contracts due, the products and each alignment change as "- " items', () => {
    const t = translator.forLang('en');
    const step1 = stepText(1, { contract: account[0]!, account, today, lang: 'en', t });
    const step3 = stepText(3, { contract: account[2]!, account, today, lang: 'en', t });

    expect(step1.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(1 + 3);
    expect(step3.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
    expect(step1.startsWith(`${t('walk.header', { step: 1, total: STEP_COUNT, title: t('walk.steps.1.title') })}\n\n`)).toBe(true);
  });
});
