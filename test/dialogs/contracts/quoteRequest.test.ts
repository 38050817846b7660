import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { TestFlow } from 'botbuilder';
import { buttonsOf } from '../../support/botHarness.js';
import { FakeMailer } from '../../services/quotes/fakeMailer.js';
import { SAMPLE, contractHarness, type ContractHarness } from './contractHarness.js';

const RESELLER = { reseller: 'Infogérance Lyonnaise', email: 'renouvellements@infogerance-lyonnaise.example' };
const CLAIRE = 'claire@boulangeries-martin.example';

/** A localized string with a quote ID in it, as a pattern: the ID is random. */
function withQuoteId(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replaceAll('§', 'Q-[0-9A-F]{8}')}$`);
}

const header = (h: ContractHarness, lang: 'fr' | 'en', step: number) =>
  h.say(lang, 'walk.header', { step, total: 6, title: h.say(lang, `walk.steps.${step}.title`) });

/** Verifies for the sample contract and walks to step 4 (the reseller and the quote). */
function toStepFour(h: ContractHarness, lang: 'fr' | 'en'): TestFlow {
  let flow = h.adapter
    .send(lang === 'fr' ? `je veux renouveler ${SAMPLE.active.id}` : `help me renew ${SAMPLE.active.id}`)
    .assertReply(h.say(lang, 'verify.askProof', { renewalId: SAMPLE.active.id }))
    .send(SAMPLE.active.proof)
    .assertReply(h.say(lang, 'verify.done', { renewalId: SAMPLE.active.id }))
    .assertReply(h.say(lang, 'walk.start', { renewalId: SAMPLE.active.id }))
    .assertReply((r) => expect(r.text).toContain(header(h, lang, 1)));
  for (const step of [2, 3, 4]) {
    flow = flow.send(h.say(lang, 'walk.buttons.next')).assertReply((r) => expect(r.text).toContain(header(h, lang, step)));
  }
  return flow;
}

function quoteFact(r: Partial<Activity>, h: ContractHarness, lang: 'fr' | 'en'): string {
  const content: unknown = r.attachments?.[0]?.content;
  const json = JSON.stringify(content);
  const label = JSON.stringify(h.say(lang, 'quote.label'));
  const match = new RegExp(`"title":${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},"value":"([^"]*)"`).exec(json);
  return match?.[1] ?? '';
}

describe('requesting a quote from the walkthrough', () => {
  it('EN: offers a copy by e-mail, says "sent" only because the mail server accepted it, and the status shows it', async () => {
    const mailer = new FakeMailer('accept');
    const h = contractHarness({ locale: 'en-US', mailer });
    await toStepFour(h, 'en')
      .send(h.say('en', 'walk.buttons.quote'))
      .assertReply((r) => {
        expect(r.text).toBe(h.say('en', 'quote.askEmail', RESELLER));
        expect(buttonsOf(r)).toEqual([h.say('en', 'quote.buttons.noCopy')]);
      })
      .send(`my address is <${CLAIRE}>.`)
      .assertReply((r) => {
        const sent = h.say('en', 'quote.sent', { id: '§', ...RESELLER });
        expect(r.text).toMatch(withQuoteId(`${sent} ${h.say('en', 'quote.copy.sent', { email: CLAIRE })}`));
        expect(buttonsOf(r)).toEqual(['next', 'back', 'skip', 'stop'].map((k) => h.say('en', `walk.buttons.${k}`)));
      })
      .send('next')
      .assertReply((r) => expect(r.text).toContain(header(h, 'en', 5)))
      .send('stop')
      .assertReply(h.say('en', 'walk.stopped', { step: 5, total: 6 }))
      .send(`status ${SAMPLE.active.id}`)
      .assertReply((r) => {
        expect(quoteFact(r, h, 'en')).toMatch(withQuoteId(h.say('en', 'quote.progress.sent', { id: '§', reseller: RESELLER.reseller, date: h.day(0, 'en') })));
        expect(JSON.stringify(r.attachments?.[0]?.content)).toContain(h.say('en', 'status.renewal.quote-requested'));
      });
    expect(mailer.sent.map((m) => m.to[0])).toEqual([RESELLER.email, CLAIRE]);
  });

  it('FR: while the mail server fails it says "enregistrée", not "envoyée"; the status turns to sent after the retry', async () => {
    const mailer = new FakeMailer('fail');
    const h = contractHarness({ locale: 'fr-FR', mailer });
    await toStepFour(h, 'fr')
      .send(h.say('fr', 'walk.buttons.quote'))
      .assertReply(h.say('fr', 'quote.askEmail', RESELLER))
      .send('12 rue de la République, Lyon')
      .assertReply(h.say('fr', 'quote.emailRetry'))
      .send(h.say('fr', 'quote.buttons.noCopy'))
      .assertReply((r) => {
        expect(r.text).toMatch(withQuoteId(h.say('fr', 'quote.recorded', { id: '§', ...RESELLER })));
        expect(r.text).not.toContain(h.say('fr', 'quote.sent', { id: '§', ...RESELLER }).split('§')[0]);
      })
      .send('où en étais-je ?')
      .assertReply((r) => {
        const line = h.say('fr', 'quote.progress.recorded', { id: '§', reseller: RESELLER.reseller, date: h.day(0, 'fr') });
        expect(r.text?.split('\n').at(-1)).toMatch(withQuoteId(h.say('fr', 'status.fact', { label: h.say('fr', 'quote.label'), value: line })));
      })
      .send(`état du contrat ${SAMPLE.active.id}`)
      .assertReply((r) => expect(quoteFact(r, h, 'fr')).toMatch(withQuoteId(h.say('fr', 'quote.progress.recorded', { id: '§', reseller: RESELLER.reseller, date: h.day(0, 'fr') }))));

    mailer.mode = 'accept';
    h.clock.advance(60_000);
    expect(await h.parts.quoteDelivery.runDue()).toBe(1);
    await h.adapter
      .send(`état du contrat ${SAMPLE.active.id}`)
      .assertReply((r) => expect(quoteFact(r, h, 'fr')).toMatch(withQuoteId(h.say('fr', 'quote.progress.sent', { id: '§', reseller: RESELLER.reseller, date: h.day(0, 'fr') }))));
  });

  it('refuses what is not one valid address, and stops asking after three tries without sending anything', async () => {
    const mailer = new FakeMailer('accept');
    const h = contractHarness({ locale: 'en-US', mailer });
    await toStepFour(h, 'en')
      .send('request a quote')
      .assertReply(h.say('en', 'quote.askEmail', RESELLER))
      .send(`${CLAIRE}\r\nBcc: everyone@attacker.example`)
      .assertReply(h.say('en', 'quote.emailRetry'))
      .send('claire@')
      .assertReply(h.say('en', 'quote.emailRetry'))
      .send(`${CLAIRE} ${RESELLER.email}`)
      .assertReply(h.say('en', 'quote.gaveUp'));
    expect(mailer.attempts).toEqual([]);
    expect(await h.parts.quoteDelivery.latest(SAMPLE.active.id)).toBeUndefined();
  });

  it('sends a copy only to an address of the account\'s domain, and never the same request twice in a few minutes', async () => {
    const mailer = new FakeMailer('accept');
    const h = contractHarness({ locale: 'en-US', mailer });
    await toStepFour(h, 'en')
      .send(h.say('en', 'walk.buttons.quote'))
      .assertReply(h.say('en', 'quote.askEmail', RESELLER))
      .send('victim@elsewhere.example')
      .assertReply(h.say('en', 'quote.emailDomain', { domains: 'boulangeries-martin.example' }))
      .send(h.say('en', 'quote.buttons.noCopy'))
      .assertReply((r) => expect(r.text).toMatch(withQuoteId(h.say('en', 'quote.sent', { id: '§', ...RESELLER }))))
      .send(h.say('en', 'walk.buttons.quote'))
      .assertReply(h.say('en', 'quote.askEmail', RESELLER))
      .send(h.say('en', 'quote.buttons.noCopy'))
      .assertReply((r) => {
        const line = h.say('en', 'status.fact', { label: h.say('en', 'quote.label'), value: h.say('en', 'quote.progress.sent', { id: '§', reseller: RESELLER.reseller, date: h.day(0, 'en') }) });
        expect(r.text).toMatch(withQuoteId(`${h.say('en', 'quote.repeated', { id: '§' })}\n${line}`));
      });
    expect(mailer.sent.map((m) => m.to[0])).toEqual([RESELLER.email]);
  });

  it('a walkthrough word instead of an address moves the walk on, and no request is sent', async () => {
    const mailer = new FakeMailer('accept');
    const h = contractHarness({ locale: 'fr-FR', mailer });
    await toStepFour(h, 'fr')
      .send(h.say('fr', 'walk.buttons.quote'))
      .assertReply(h.say('fr', 'quote.askEmail', RESELLER))
      .send(h.say('fr', 'walk.buttons.next'))
      .assertReply((r) => expect(r.text).toContain(header(h, 'fr', 5)));
    expect(await h.parts.quoteDelivery.latest(SAMPLE.active.id)).toBeUndefined();
  });

  it('answers a contract already renewed without asking for an address', async () => {
    const h = contractHarness({ locale: 'en-US' });
    let flow = h.adapter
      .send(`help me renew ${SAMPLE.renewed.id}`)
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.renewed.id }))
      .send(SAMPLE.renewed.proof)
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .assertReply(() => undefined);
    for (const step of [2, 3, 4]) flow = flow.send('next').assertReply((r) => expect(r.text).toContain(header(h, 'en', step)));
    await flow.send('request a quote').assertReply(h.say('en', 'walk.quoteNotNeeded'));
  });
});
