import { describe, expect, it } from 'vitest';
import { buttonsOf, contentOf } from '../../support/botHarness.js';
import { SAMPLE, contractHarness, verify } from './contractHarness.js';

const ACCOUNT = 'Boulangeries Martin SARL';

describe.each([
  { lang: 'fr', locale: 'fr-FR', ask: (id: string) => `statut de ${id}` },
  { lang: 'en', locale: 'en-US', ask: (id: string) => `status of ${id}` },
] as const)('a second contract that fails verification ($lang)', ({ lang, locale, ask }) => {
  it('says it could not be verified and that only the first is verified, instead of showing the first card', async () => {
    const h = contractHarness({ locale });
    const first = SAMPLE.active.id;
    const second = SAMPLE.expired.id;
    await verify(h, lang, ask(first), SAMPLE.active)
      .assertReply((r) => expect(contentOf(r)).toContain(h.say(lang, 'status.title', { renewalId: first, account: ACCOUNT })))
      .send(ask(second))
      .assertReply(h.say(lang, 'verify.askProof', { renewalId: second }))
      .send('CRT-000000001')
      .assertReply((r) => {
        expect(r.text).toBe(h.say(lang, 'secondContract.rejected', { renewalId: second, verified: first }));
        expect(r.attachments ?? []).toHaveLength(0);
        expect(buttonsOf(r)).toEqual([
          h.say(lang, 'secondContract.showVerified', { renewalId: first }),
          h.say(lang, 'secondContract.retry', { renewalId: second }),
          h.title('talk-to-agent', lang),
        ]);
      })
      // Each button does what it says: the first card again without a proof, the second asks for one.
      .send(h.say(lang, 'secondContract.showVerified', { renewalId: first }))
      .assertReply((r) => expect(contentOf(r)).toContain(h.say(lang, 'status.title', { renewalId: first, account: ACCOUNT })))
      .send(h.say(lang, 'secondContract.retry', { renewalId: second }))
      .assertReply(h.say(lang, 'verify.askProof', { renewalId: second }))
      .send(SAMPLE.expired.proof)
      .assertReply(h.say(lang, 'verify.done', { renewalId: second }))
      .assertReply((r) => expect(contentOf(r)).toContain(second));
  });
});
