import { describe, expect, it } from 'vitest';
import { contentOf } from '../../support/botHarness.js';
import { SAMPLE, contractHarness } from './contractHarness.js';

/** A renewal ID typed outside the verification flow starts the status check with that ID. */
describe('a renewal ID typed on its own or inside a sentence', () => {
  const cases = [
    { lang: 'fr', locale: 'fr-FR', said: 'je voudrais voir mon contrat rnw 2048 1137 svp', title: { account: 'Boulangeries Martin SARL' } },
    { lang: 'fr', locale: 'fr-FR', said: 'RNW-20481137', title: { account: 'Boulangeries Martin SARL' } },
    { lang: 'fr', locale: 'fr-FR', said: '2048 1137', title: { account: 'Boulangeries Martin SARL' } },
    { lang: 'en', locale: 'en-US', said: 'can you show me contract rnw 2048 1137 please', title: { account: 'Boulangeries Martin SARL' } },
    { lang: 'en', locale: 'en-US', said: 'rnw20481137', title: { account: 'Boulangeries Martin SARL' } },
  ] as const;

  for (const { lang, locale, said, title } of cases) {
    it(`asks for the proof of ${SAMPLE.active.id} at once after « ${said} », then shows its status (${lang})`, async () => {
      const h = contractHarness({ locale });
      await h.adapter
        .send(said)
        .assertReply((r) => expect(r.text).toBe(h.say(lang, 'verify.askProof', { renewalId: SAMPLE.active.id })))
        .send(SAMPLE.active.proof)
        .assertReply(h.say(lang, 'verify.done', { renewalId: SAMPLE.active.id }))
        .assertReply((r) => expect(contentOf(r)).toContain(h.say(lang, 'status.title', { renewalId: SAMPLE.active.id, ...title })));
    });
  }
});
