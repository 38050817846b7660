import { describe, expect, it } from 'vitest';
import { buttonsOf, contentOf } from '../../support/botHarness.js';
import { MINUTE } from '../../services/fakeClock.js';
import { SAMPLE, contractHarness, verify } from './contractHarness.js';

describe('verification lock-out', () => {
  it('makes the user wait after 5 failed tries, even with the right proof, offers an agent, and lets them in after the wait', async () => {
    const h = contractHarness({ locale: 'en-US' });
    const locked = (minutes: number) => h.say('en', 'verify.locked', { wait: h.say('en', 'wait.minutes', { count: minutes }) });
    let flow = h.adapter.send(`status of ${SAMPLE.active.id}`).assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }));
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      flow = flow
        .send(`CRT-00000000${attempt}`)
        .assertReply(h.say('en', 'verify.rejected'))
        .assertReply(h.say('en', 'verify.askId'))
        .send(SAMPLE.active.id)
        .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }));
    }
    await flow
      .send('CRT-000000005')
      .assertReply((r) => {
        expect(r.text).toBe(locked(1));
        expect(buttonsOf(r)).toEqual([h.title('talk-to-agent', 'en')]);
      })
      .send(`status of ${SAMPLE.active.id}`)
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply((r) => expect(r.text).toBe(locked(1)));

    // The wait is counted from now, in words; half a minute later the rest is rounded up.
    h.clock.advance(MINUTE / 2);
    await h.adapter
      .send(`status of ${SAMPLE.active.id}`)
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply((r) => expect(r.text).toBe(locked(1)));

    h.clock.advance(MINUTE / 2);
    await verify(h, 'en', `status of ${SAMPLE.active.id}`, SAMPLE.active)
      .assertReply((r) => expect(contentOf(r)).toContain(SAMPLE.active.id));
  });

  it('says how long checking is paused in French, without a clock time of unknown time zone', async () => {
    const h = contractHarness({ locale: 'fr-FR' });
    let flow = h.adapter.send(`statut de ${SAMPLE.active.id}`).assertReply(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id }));
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      flow = flow
        .send(`CRT-00000000${attempt}`)
        .assertReply(h.say('fr', 'verify.rejected'))
        .assertReply(h.say('fr', 'verify.askId'))
        .send(SAMPLE.active.id)
        .assertReply(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id }));
    }
    await flow.send('CRT-000000005').assertReply((r) => {
      expect(r.text).toBe(h.say('fr', 'verify.locked', { wait: h.say('fr', 'wait.minutes', { count: 1 }) }));
      expect(r.text).toContain('1 minute');
      expect(r.text).not.toMatch(/\d{2}:\d{2}/);
    });
  });

  it('never repeats the proof of purchase in a reply', async () => {
    const h = contractHarness({ locale: 'en-US' });
    const replies: string[] = [];
    await h.adapter
      .send(`status of ${SAMPLE.active.id}`)
      .assertReply((r) => { replies.push(contentOf(r)); })
      .send(SAMPLE.active.proof)
      .assertReply((r) => { replies.push(contentOf(r)); })
      .assertReply((r) => { replies.push(contentOf(r)); });
    for (const reply of replies) expect(reply).not.toContain(SAMPLE.active.proof);
    const saved = await h.storage.read(['test/conversations/Convo1/', 'test/conversations/Convo1/users/user1/', 'test/users/user1/']);
    expect(Object.keys(saved)).toHaveLength(3);
    expect(JSON.stringify(saved['test/conversations/Convo1/users/user1/'])).toContain(SAMPLE.active.id);
    expect(JSON.stringify(saved)).not.toContain(SAMPLE.active.proof);
  });
});

describe('Teams verification by tenant', () => {
  it('trusts a Teams user of the account\'s tenant without a proof when the Teams channel vouches for the request', async () => {
    const h = contractHarness({ locale: 'fr-FR', channelAuthenticated: true, template: { channelId: 'msteams', conversation: { id: 'teams-1', tenantId: SAMPLE.active.tenant, isGroup: false, name: '', conversationType: 'personal' } } });
    await h.adapter
      .send(`statut de ${SAMPLE.active.id}`)
      .assertReply((r) => expect(contentOf(r)).toContain(h.say('fr', 'status.title', { renewalId: SAMPLE.active.id, account: 'Boulangeries Martin SARL' })));
  });

  it('asks for a proof when the request claiming the account\'s tenant is not authenticated (local mode)', async () => {
    const h = contractHarness({ locale: 'fr-FR', template: { channelId: 'msteams', conversation: { id: 'teams-0', tenantId: SAMPLE.active.tenant, isGroup: false, name: '', conversationType: 'personal' } } });
    await h.adapter
      .send(`statut de ${SAMPLE.active.id}`)
      .assertReply(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id }));
  });

  it('asks for a proof when an authenticated request claims the tenant on another channel', async () => {
    const h = contractHarness({ locale: 'fr-FR', channelAuthenticated: true, template: { channelId: 'webchat', conversation: { id: 'web-0', tenantId: SAMPLE.active.tenant, isGroup: false, name: '', conversationType: 'personal' } } });
    await h.adapter
      .send(`statut de ${SAMPLE.active.id}`)
      .assertReply(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id }));
  });

  it('asks another tenant\'s user for a proof, as on the web', async () => {
    const h = contractHarness({ locale: 'fr-FR', template: { channelId: 'msteams', conversation: { id: 'teams-2', tenantId: '00000000-1111-2222-3333-444444444444', isGroup: false, name: '', conversationType: 'personal' } } });
    await h.adapter
      .send(`statut de ${SAMPLE.active.id}`)
      .assertReply(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id }));
  });
});
