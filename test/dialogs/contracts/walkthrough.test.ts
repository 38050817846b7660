import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../support/botHarness.js';
import { FakeClock } from '../../services/fakeClock.js';
import { SAMPLE, TODAY, contractHarness, type ContractHarness } from './contractHarness.js';

const header = (h: ContractHarness, lang: 'fr' | 'en', step: number) =>
  h.say(lang, 'walk.header', { step, total: 6, title: h.say(lang, `walk.steps.${step}.title`) });

describe('the six-step renewal walkthrough', () => {
  it('verifies first, then walks with next, back and skip, using the user\'s own contract', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await h.adapter
      .send('I want to renew my contract')
      .assertReply(h.say('en', 'verify.askId'))
      .send(SAMPLE.active.id)
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply(h.say('en', 'verify.done', { renewalId: SAMPLE.active.id }))
      .assertReply(h.say('en', 'walk.start', { renewalId: SAMPLE.active.id }))
      .assertReply((r) => {
        expect(r.text).toContain(header(h, 'en', 1));
        expect(r.text).toContain(h.say('en', 'walk.steps.1.line', { renewalId: 'RNW-20481245', date: h.day(45, 'en'), status: h.say('en', 'status.state.expiring') }));
        expect(r.text).toContain(h.say('en', 'align.extended', { renewalId: 'RNW-20481245', from: h.day(45, 'en'), to: h.day(150, 'en'), count: 105 }));
        expect(buttonsOf(r)).toEqual(['walk.buttons.next', 'walk.buttons.skip', 'walk.buttons.stop'].map((k) => h.say('en', k)));
      })
      .send('next')
      .assertReply((r) => {
        expect(r.text).toContain(header(h, 'en', 2));
        expect(r.text).toContain(h.say('en', 'walk.steps.2.text', { renewalId: SAMPLE.active.id }));
      })
      .send('Skip')
      .assertReply((r) => {
        expect(r.text).toContain(header(h, 'en', 3));
        expect(r.text).toContain('Symantec Endpoint Protection');
      })
      .send('back')
      .assertReply((r) => expect(r.text).toContain(header(h, 'en', 2)))
      .send('next please')
      .assertReply((r) => expect(r.text).toContain(header(h, 'en', 3)))
      .send('next')
      .assertReply((r) => {
        expect(r.text).toContain(header(h, 'en', 4));
        expect(r.text).toContain('Infogérance Lyonnaise');
        expect(buttonsOf(r)[0]).toBe(h.say('en', 'walk.buttons.quote'));
      });
  });

  it('answers a question in the middle of the walk, then "where was I?" brings it back', async () => {
    const h = contractHarness({ locale: 'fr-FR' });
    await h.adapter
      .send(`je veux renouveler ${SAMPLE.active.id}`)
      .assertReply(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply(h.say('fr', 'verify.done', { renewalId: SAMPLE.active.id }))
      .assertReply(h.say('fr', 'walk.start', { renewalId: SAMPLE.active.id }))
      .assertReply((r) => expect(r.text).toContain(header(h, 'fr', 1)))
      .send('suivant')
      .assertReply((r) => expect(r.text).toContain(header(h, 'fr', 2)))
      .send('y a-t-il une période de grâce ?')
      .assertReply((r) => expect(r.text).toBe(h.answer('grace-period', 'fr')))
      .send('où en étais-je ?')
      .assertReply(h.say('fr', 'walk.resuming', { step: 2, total: 6 }))
      .assertReply((r) => expect(r.text).toContain(header(h, 'fr', 2)));
  });

  it('records a quote request that moves the contract to "quote requested"', async () => {
    const h = contractHarness({ locale: 'en-US' });
    let flow = h.adapter
      .send(`help me renew ${SAMPLE.active.id}`)
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .assertReply((r) => expect(r.text).toContain(header(h, 'en', 1)));
    for (const step of [2, 3, 4]) flow = flow.send('next').assertReply((r) => expect(r.text).toContain(header(h, 'en', step)));
    await flow
      .send(h.say('en', 'walk.buttons.quote'))
      .assertReply(h.say('en', 'quote.askEmail', { reseller: 'Infogérance Lyonnaise' }))
      .send(h.say('en', 'quote.buttons.noCopy'))
      .assertReply((r) => {
        const [before = '', after = ''] = h.say('en', 'quote.sent', { id: '§', reseller: 'Infogérance Lyonnaise' }).split('§');
        expect(r.text?.startsWith(before)).toBe(true);
        expect(r.text?.endsWith(after)).toBe(true);
      })
      .send('stop')
      .assertReply(h.say('en', 'walk.stopped', { step: 4, total: 6 }))
      .send(`status ${SAMPLE.active.id}`)
      .assertReply((r) => {
        const card = JSON.stringify(r.attachments?.[0]?.content);
        expect(card).toContain(h.say('en', 'status.renewal.quote-requested'));
      });
  });

  it('resumes at the same step in a new conversation, after verifying again', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(TODAY);
    const first = contractHarness({ locale: 'en-US', storage, clock });
    let flow = first.adapter
      .send(`I'd like to renew ${SAMPLE.active.id}`)
      .assertReply(first.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .assertReply(() => undefined);
    for (const step of [2, 3]) flow = flow.send('next').assertReply((r) => expect(r.text).toContain(header(first, 'en', step)));
    await flow.send('stop').assertReply(first.say('en', 'walk.stopped', { step: 3, total: 6 }));

    // Another day, another device: same user, new conversation, new bot process.
    clock.advance(24 * 60 * 60 * 1000);
    const second = contractHarness({ locale: 'en-US', storage, clock, template: { conversation: { id: 'next-day', isGroup: false, name: '', conversationType: 'personal' } } });
    await second.adapter
      .send('where was I?')
      .assertReply(second.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply(second.say('en', 'verify.done', { renewalId: SAMPLE.active.id }))
      .assertReply(second.say('en', 'walk.resuming', { step: 3, total: 6 }))
      .assertReply((r) => expect(r.text).toContain(header(second, 'en', 3)))
      .send('next')
      .assertReply((r) => expect(r.text).toContain(header(second, 'en', 4)))
      .send('next')
      .assertReply((r) => expect(r.text).toContain(header(second, 'en', 5)))
      .send('next')
      .assertReply((r) => {
        expect(r.text).toContain(header(second, 'en', 6));
        expect(buttonsOf(r)[0]).toBe(second.say('en', 'walk.buttons.finish'));
      })
      .send(second.say('en', 'walk.buttons.finish'))
      .assertReply(second.say('en', 'walk.finished'))
      .send('where was I?')
      .assertReply((r) => expect(r.text).toBe(second.say('en', 'walk.nothingToResume')));
  });

  it('gives the general steps to a user who does not want to verify', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await h.adapter
      .send('I want to renew')
      .assertReply((r) => {
        expect(r.text).toBe(h.say('en', 'verify.askId'));
        expect(buttonsOf(r)).toContain(h.title('renewal-process', 'en'));
      })
      .send(h.title('renewal-process', 'en'))
      .assertReply((r) => expect(r.text).toBe(h.answer('renewal-process', 'en')));
  });
});
