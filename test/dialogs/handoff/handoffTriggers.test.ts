import { describe, expect, it } from 'vitest';
import { ContractApiError, type ContractService } from '../../../services/contracts/index.js';
import { formatBackAt } from '../../../dialogs/handoff/index.js';
import { buttonsOf } from '../../support/botHarness.js';
import { SAMPLE } from '../contracts/contractHarness.js';
import { handoffHarness, MONDAY_11_PARIS, SATURDAY_11_PARIS } from './handoffHarness.js';

/** Where the harness's conversation (TestAdapter: channel 'test', conversation 'Convo1') keeps its transcript. */
const TRANSCRIPT_KEY = 'handoff/transcript/test:Convo1';

describe('starting a handoff', () => {
  it('"talk to someone": asks for a one-line summary, opens a case and gives its number and the wait, in English', async () => {
    const h = handoffHarness({ locale: 'en-US' });
    await h.adapter
      .send('talk to someone')
      .assertReply(h.say('en', 'handoff.askSummary'))
      .send('my renewal quote has the wrong quantity');
    const opened = await h.theCase();
    expect(opened).toMatchObject({ status: 'waiting', lang: 'en', reason: 'asked', summary: 'my renewal quote has the wrong quantity', channel: 'test' });
    expect(opened.id).toMatch(/^CS-\d{5}$/);
    expect(h.proactive().map((a) => a.text)).toEqual([h.say('en', 'handoff.opened', { caseId: opened.id, minutes: 5 })]);
  });

  it('« un conseiller svp »: the same in French', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    await h.adapter.send('un conseiller svp').assertReply(h.say('fr', 'handoff.askSummary')).send('ma facture est fausse');
    const opened = await h.theCase();
    expect(opened).toMatchObject({ lang: 'fr', summary: 'ma facture est fausse' });
    expect(h.proactive()[0]?.text).toBe(h.say('fr', 'handoff.opened', { caseId: opened.id, minutes: 5 }));
  });

  it('the talk-to-agent button starts it too', async () => {
    const h = handoffHarness({ locale: 'en-US' });
    await h.adapter.send(h.title('talk-to-agent', 'en')).assertReply(h.say('en', 'handoff.askSummary'));
  });

  it('"cancel" at the summary question stays with the bot and opens no case', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    await h.adapter.send('un conseiller svp').assertReply(h.say('fr', 'handoff.askSummary')).send('annuler').assertReply(h.say('fr', 'cancel.done'));
    expect(await h.parts.handoff.list()).toEqual([]);
  });

  it('offers a person after two "I don\'t understand" in a row, and opens the case with both messages as summary', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('comment renouveler mon passeport à la mairie ?')
      .assertReply(h.say('fr', 'none'))
      .send('recette de la tarte aux pommes')
      .assertReply((reply) => {
        expect(reply.text).toBe(h.say('fr', 'handoff.offer.notUnderstood'));
        expect(buttonsOf(reply)).toEqual([h.title('talk-to-agent', 'fr'), h.say('fr', 'handoff.offer.noThanks')]);
      })
      .send(h.title('talk-to-agent', 'fr'));
    const opened = await h.theCase();
    expect(opened).toMatchObject({ reason: 'not-understood', summary: 'comment renouveler mon passeport à la mairie ? / recette de la tarte aux pommes' });
    expect(opened.transcript.map((l) => l.from)).toEqual(['customer', 'bot', 'customer', 'bot', 'customer']);
  });

  it('does not offer a person when the misunderstandings are not in a row', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('comment renouveler mon passeport à la mairie ?')
      .assertReply(h.say('fr', 'none'))
      .send('y a-t-il une période de grâce ?')
      .assertReply(h.asked('grace-period', 'fr'))
      .send('recette de la tarte aux pommes')
      .assertReply(h.say('fr', 'none'));
  });

  it('a question asked a third time changes nothing the conversation remembers: its state is not written again', async () => {
    const h = handoffHarness({ locale: 'en-US' });
    const read = async () => JSON.stringify(await h.storage.read(['test/conversations/Convo1/']));
    await h.adapter.send('what is the grace period?').assertReply(h.asked('grace-period', 'en'))
      .send('what is the grace period?').assertReply(() => undefined);
    const before = await read();
    await h.adapter.send('what is the grace period?').assertReply(() => undefined);
    expect(await read()).toBe(before);
  });

  it('a misunderstanding remembered by an earlier version (which counted turns) still counts as the previous message', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    const earlier = { handoff: { turns: 7, lastNotUnderstood: { turn: 7, text: 'comment renouveler mon passeport ?' } } };
    await h.storage.write({ 'test/conversations/Convo1/': earlier });
    await h.adapter.send('recette de la tarte aux pommes').assertReply(h.say('fr', 'handoff.offer.notUnderstood'));
    const state = JSON.stringify(await h.storage.read(['test/conversations/Convo1/']));
    expect(state).not.toContain('"turns"');
  });

  it('a misunderstanding an earlier version remembered from an older message does not count', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    const earlier = { handoff: { turns: 8, lastNotUnderstood: { turn: 6, text: 'comment renouveler mon passeport ?' } } };
    await h.storage.write({ 'test/conversations/Convo1/': earlier });
    await h.adapter.send('recette de la tarte aux pommes').assertReply(h.say('fr', 'none'));
  });

  it('after a verification lock-out: the case carries the reason and the transcript hides the proofs typed', async () => {
    const h = handoffHarness({ locale: 'en-US' });
    let flow = h.adapter.send(`status of ${SAMPLE.active.id}`).assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }));
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      flow = flow.send(`CRT-00000000${attempt}`).assertReply(h.say('en', 'verify.rejected')).assertReply(h.say('en', 'verify.askId'))
        .send(SAMPLE.active.id).assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }));
    }
    await flow
      .send('CRT-000000005')
      .assertReply((r) => expect(buttonsOf(r)).toEqual([h.title('talk-to-agent', 'en')]))
      .send(h.title('talk-to-agent', 'en'))
      .assertReply(h.say('en', 'handoff.askSummary'))
      .send('the reseller never sent the certificate');
    const opened = await h.theCase();
    expect(opened.reason).toBe('locked-out');
    const said = opened.transcript.map((l) => l.text).join('\n');
    expect(said).not.toMatch(/CRT-0000/);
    expect(said).toContain(SAMPLE.active.id);
    const state = JSON.stringify(await h.storage.read(['test/conversations/Convo1/']));
    // The transcript is kept outside conversation state (written every turn), proofs hidden there too.
    expect(state).not.toContain('"transcript"');
    expect(state).not.toMatch(/CRT-0000/);
    const stored = JSON.stringify(await h.storage.read([TRANSCRIPT_KEY]));
    expect(stored).toContain(SAMPLE.active.id);
    expect(stored).not.toMatch(/CRT-0000/);
  });

  it('moves a transcript that an earlier version kept in conversation state to the transcript log, oldest lines first', async () => {
    const h = handoffHarness({ locale: 'en-US' });
    const earlier = { from: 'customer', text: 'an earlier question', at: '2026-11-30T09:00:00.000Z' };
    await h.storage.write({ 'test/conversations/Convo1/': { handoff: { turns: 1, transcript: [earlier] } } });
    await h.adapter.send('what is the grace period?').assertReply(h.asked('grace-period', 'en'));
    const state = JSON.stringify(await h.storage.read(['test/conversations/Convo1/']));
    expect(state).not.toContain('"transcript"');
    await h.adapter.send(h.title('talk-to-agent', 'en')).assertReply(h.say('en', 'handoff.askSummary')).send('my renewal quote is wrong');
    const opened = await h.theCase();
    expect(opened.transcript[0]).toEqual(earlier);
    expect(opened.transcript.map((l) => l.text)).toContain('what is the grace period?');
  });

  it('after a contract-service failure: the case carries the reason', async () => {
    const down = new ContractApiError('unavailable', 'down');
    const failing: ContractService = {
      findByRenewalId: async () => { throw down; },
      listAccountContracts: async () => { throw down; },
      verifyProof: async () => { throw down; },
      requestQuote: async () => { throw down; },
    };
    const h = handoffHarness({ locale: 'en-US', contracts: failing });
    await h.adapter
      .send(`status of ${SAMPLE.active.id}`)
      .assertReply((r) => expect(r.text).toBe(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id })))
      .send(SAMPLE.active.proof)
      .assertReply(h.say('en', 'contracts.unavailable'))
      .send(h.title('talk-to-agent', 'en'))
      .assertReply(h.say('en', 'handoff.askSummary'))
      .send('cannot see my contract');
    expect((await h.theCase()).reason).toBe('contract-failure');
  });

  it('outside support hours: says when agents are back (Monday 09:00 Paris) and keeps the case queued', async () => {
    const h = handoffHarness({ locale: 'en-US', at: SATURDAY_11_PARIS });
    await h.adapter.send('talk to someone').assertReply(h.say('en', 'handoff.askSummary')).send('quote question');
    const opened = await h.theCase();
    const backAt = formatBackAt(new Date('2026-11-30T08:00:00Z'), 'en', 'Europe/Paris');
    expect(backAt).toBe('on Monday 30 November at 09:00 (CET)');
    expect(h.proactive()[0]?.text).toBe(h.say('en', 'handoff.openedClosed', { caseId: opened.id, backAt }));
    expect((await h.parts.handoff.queue()).map((c) => c.id)).toEqual([opened.id]);
  });

  it('no agent within the configured wait: tells the customer once when agents are back, and takes an e-mail address', async () => {
    const h = handoffHarness({ locale: 'fr-FR', env: { HANDOFF_WAIT_MINUTES: '10', SUPPORT_HOURS: 'mon-fri 09:00-11:05' } });
    await h.adapter.send('un conseiller svp').assertReply(h.say('fr', 'handoff.askSummary')).send('question de devis');
    const opened = await h.theCase();
    h.proactive();
    h.clock.advance(9 * 60_000);
    expect(await h.parts.handoff.remindOverdue()).toEqual([]);
    h.clock.advance(60_000);
    await h.parts.handoff.remindOverdue();
    const backAt = formatBackAt(new Date('2026-12-01T08:00:00Z'), 'fr', 'Europe/Paris');
    expect(h.proactive().map((a) => a.text)).toEqual([h.say('fr', 'handoff.noAgent', { caseId: opened.id, backAt })]);
    await h.adapter.send('écrivez-moi à marie.dupont@exemple.fr merci').assertReply(h.say('fr', 'handoff.emailSaved', { email: 'marie.dupont@exemple.fr', caseId: opened.id }));
    expect((await h.theCase()).email).toBe('marie.dupont@exemple.fr');
    expect(MONDAY_11_PARIS.getTime()).toBeLessThan(h.clock.now().getTime());
  });
});
