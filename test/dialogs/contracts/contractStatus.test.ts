import { describe, expect, it } from 'vitest';
import { buttonsOf, contentOf } from '../../support/botHarness.js';
import { formatDate } from '../../../dialogs/formatDate.js';
import { SAMPLE, contractHarness, verify } from './contractHarness.js';

describe('contract status, after verification', () => {
  it('shows an active contract in French as an Adaptive Card, with the account\'s other contracts', async () => {
    const h = contractHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('quel est le statut de mon contrat ?')
      .assertReply((r) => expect(r.text).toBe(h.say('fr', 'verify.askId')))
      .send(`c'est ${SAMPLE.active.id.toLowerCase().replace('-', ' ')}`)
      .assertReply((r) => expect(r.text).toBe(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id })))
      .send(SAMPLE.active.proof)
      .assertReply(h.say('fr', 'verify.done', { renewalId: SAMPLE.active.id }))
      .assertReply((r) => {
        expect(r.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
        const card = r.attachments?.[0]?.content;
        expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
        const text = contentOf(r);
        expect(text).toContain(h.say('fr', 'status.title', { renewalId: SAMPLE.active.id, account: 'Boulangeries Martin SARL' }));
        expect(text).toContain(`${h.say('fr', 'status.state.active')} — ${h.say('fr', 'status.days.left', { count: 150 })}`);
        expect(text).toContain(h.say('fr', 'status.fact', { label: h.say('fr', 'status.labels.end'), value: h.day(150, 'fr') }));
        expect(text).toContain(h.say('fr', 'status.newTermValue', { date: h.day(151, 'fr') }));
        expect(text).toContain(h.say('fr', 'status.otherLine', { renewalId: 'RNW-20481245', date: h.day(45, 'fr'), status: h.say('fr', 'status.state.expiring') }));
        expect(buttonsOf(r)).toEqual([h.say('fr', 'buttons.walkthrough'), h.say('fr', 'buttons.align'), h.title('talk-to-agent', 'fr')]);
        expect(text).not.toContain(SAMPLE.active.proof);
      });
  });

  it('takes the renewal ID from the first message and says an SMB contract\'s notice comes 60 days before the end', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await verify(h, 'en', `when does my contract ${SAMPLE.expiringSmb.id} end?`, SAMPLE.expiringSmb)
      .assertReply((r) => {
        const text = contentOf(r);
        expect(text).toContain(h.say('en', 'status.state.expiring'));
        expect(text).toContain(h.say('en', 'status.note.expiringSmb', { end: h.day(45, 'en') }));
      });
  });

  it('says an expired contract has had no grace period since 9 May 2016, and what is lost', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await verify(h, 'en', `status of ${SAMPLE.expired.id}`, SAMPLE.expired)
      .assertReply((r) => {
        const text = contentOf(r);
        expect(text).toContain(`${h.say('en', 'status.state.expired')} — ${h.say('en', 'status.days.since', { count: 40 })}`);
        expect(text).toContain(h.say('en', 'status.note.expired', { end: h.day(-40, 'en'), graceDate: '9 May 2016' }));
        expect(text).toContain(h.say('en', 'status.unsupported'));
      });
  });

  it('gives Japan\'s date, 3 October 2016, for a Japanese contract', async () => {
    const h = contractHarness({ locale: 'fr-FR' });
    await verify(h, 'fr', `statut du contrat ${SAMPLE.japan.id}`, SAMPLE.japan)
      .assertReply((r) => {
        expect(contentOf(r)).toContain(h.say('fr', 'status.note.expired', { end: h.day(-15, 'fr'), graceDate: formatDate(new Date(2016, 9, 3), 'fr') }));
        expect(contentOf(r)).toContain('3 octobre 2016');
      });
  });

  it('shows a renewed contract as active until its new end date', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await verify(h, 'en', `is ${SAMPLE.renewed.id} still active?`, SAMPLE.renewed)
      .assertReply((r) => {
        const text = contentOf(r);
        expect(text).toContain(h.say('en', 'status.state.active'));
        expect(text).toContain(h.say('en', 'status.renewal.renewed', { date: h.day(355, 'en') }));
      });
  });

  it('accepts the SAN as proof for a Rewards contract', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await verify(h, 'en', `check ${SAMPLE.rewards.id}`, SAMPLE.rewards, SAMPLE.rewards.proof.toLowerCase());
  });

  it('answers an unknown renewal ID and a wrong proof with the same message', async () => {
    const h = contractHarness({ locale: 'en-US' });
    let unknownReply = '';
    let wrongProofReply = '';
    await h.adapter
      .send('status of RNW-99999999')
      .assertReply(h.say('en', 'verify.askProof', { renewalId: 'RNW-99999999' }))
      .send('CRT-774310452')
      .assertReply((r) => { unknownReply = r.text ?? ''; })
      .assertReply(h.say('en', 'verify.askId'))
      .send(SAMPLE.active.id)
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send('CRT-000000000')
      .assertReply((r) => { wrongProofReply = r.text ?? ''; });
    expect(unknownReply).toBe(h.say('en', 'verify.rejected'));
    expect(wrongProofReply).toBe(unknownReply);
  });

  it('answers "where do I find it?" while asking for the renewal ID, then asks again', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await h.adapter
      .send('what is the status of my contract')
      .assertReply(h.say('en', 'verify.askId'))
      .send('where can I find my renewal ID?')
      .assertReply((r) => expect(r.text).toBe(h.answer('renewal-id', 'en')))
      .assertReply(h.say('en', 'verify.idRetry'));
  });

  it('previews aligning the account\'s end dates once verified', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await verify(h, 'en', `status ${SAMPLE.active.id}`, SAMPLE.active)
      .assertReply(() => undefined)
      .send(h.say('en', 'buttons.align'))
      .assertReply((r) => {
        expect(r.text).toContain(h.say('en', 'align.intro', { date: h.day(150, 'en'), anchor: SAMPLE.active.id }));
        expect(r.text).toContain(h.say('en', 'align.extended', { renewalId: 'RNW-20481245', from: h.day(45, 'en'), to: h.day(150, 'en'), count: 105 }));
        expect(r.text).toContain(h.say('en', 'align.shortened', { renewalId: 'RNW-20481389', from: h.day(230, 'en'), to: h.day(150, 'en'), count: 80 }));
      });
  });

  it('lets the user cancel while it asks for a proof', async () => {
    const h = contractHarness({ locale: 'fr-FR' });
    await h.adapter
      .send(`statut ${SAMPLE.active.id}`)
      .assertReply(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send('annuler')
      .assertReply(h.say('fr', 'cancel.done'))
      .send('merci')
      .assertReply(h.say('fr', 'thanks'));
  });
});
