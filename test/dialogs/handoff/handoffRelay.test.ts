import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../support/botHarness.js';
import { handoffHarness, type HandoffHarness } from './handoffHarness.js';

/** Opens a case in French and leaves the queue of replies empty. */
async function openedCase(h: HandoffHarness) {
  await h.adapter.send('un conseiller svp').assertReply(h.say('fr', 'handoff.askSummary')).send('question sur mon devis');
  const opened = await h.theCase();
  h.proactive();
  return opened;
}

describe('relaying between the customer and the agent', () => {
  it('while waiting, the customer\'s messages are added to the case and acknowledged', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    const { id } = await openedCase(h);
    await h.adapter.send('je suis toujours là').assertReply(h.say('fr', 'handoff.noted', { caseId: id }));
    expect((await h.theCase()).messages.map((m) => [m.from, m.text])).toEqual([['customer', 'je suis toujours là']]);
  });

  it('the agent joins, and from then the customer\'s messages go to the agent, the agent\'s replies come back with the agent\'s name', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    const { id } = await openedCase(h);
    await h.parts.handoff.claim(id, 'Marie');
    expect(h.proactive().map((a) => a.text)).toEqual([h.say('fr', 'handoff.claimed', { agent: 'Marie', caseId: id })]);

    await h.adapter.send('bonjour, mon devis indique 40 licences au lieu de 45');
    expect(h.proactive()).toEqual([]);
    const reply = await h.parts.handoff.reply(id, 'Marie', 'Je corrige le devis tout de suite.');
    expect(reply.delivery).toBe('delivered');
    expect(h.proactive().map((a) => a.text)).toEqual([h.say('fr', 'handoff.fromAgent', { agent: 'Marie', text: 'Je corrige le devis tout de suite.' })]);
    expect((await h.theCase()).messages.map((m) => m.from)).toEqual(['customer', 'agent']);
  });

  it('internal notes never reach the customer', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    const { id } = await openedCase(h);
    await h.parts.handoff.claim(id, 'Marie');
    h.proactive();
    await h.parts.handoff.note(id, 'Marie', 'client important, rappeler demain');
    expect(h.proactive()).toEqual([]);
  });

  it('"annuler" returns to the bot at any time: the case closes and the bot answers again', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    const { id } = await openedCase(h);
    await h.parts.handoff.claim(id, 'Marie');
    h.proactive();
    await h.adapter
      .send('annuler')
      .assertReply((r) => {
        expect(r.text).toBe(h.say('fr', 'handoff.cancelled', { caseId: id }));
        expect(buttonsOf(r)).toContain(h.title('talk-to-agent', 'fr'));
      })
      .send('y a-t-il une période de grâce ?')
      .assertReply(h.asked('grace-period', 'fr'));
    expect(await h.theCase()).toMatchObject({ status: 'closed', endedBy: 'cancelled' });
  });

  it('"cancel" in English too', async () => {
    const h = handoffHarness({ locale: 'en-US' });
    await h.adapter.send('talk to someone').assertReply(h.say('en', 'handoff.askSummary')).send('quote question');
    const { id } = await h.theCase();
    h.proactive();
    await h.adapter.send('cancel').assertReply((r) => expect(r.text).toBe(h.say('en', 'handoff.cancelled', { caseId: id })));
  });

  it('closing tells the customer the resolution, and the bot answers the next message', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    const { id } = await openedCase(h);
    await h.parts.handoff.claim(id, 'Marie');
    await h.parts.handoff.close(id, 'Marie', 'Devis corrigé et renvoyé.');
    expect(h.proactive().map((a) => a.text)).toEqual([
      h.say('fr', 'handoff.claimed', { agent: 'Marie', caseId: id }),
      h.say('fr', 'handoff.closed', { caseId: id, resolution: 'Devis corrigé et renvoyé.' }),
    ]);
    await h.adapter.send('y a-t-il une période de grâce ?').assertReply(h.asked('grace-period', 'fr'));
  });

  it('release hands the conversation back to the bot', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    const { id } = await openedCase(h);
    await h.parts.handoff.claim(id, 'Marie');
    await h.parts.handoff.release(id, 'Marie');
    expect(h.proactive().at(-1)?.text).toBe(h.say('fr', 'handoff.released'));
    await h.adapter.send('bonjour').assertReply((r) => expect(r.text).toBe(h.say('fr', 'greeting')));
  });

  it('a message without text is not relayed: the customer is asked for words', async () => {
    const h = handoffHarness({ locale: 'fr-FR' });
    await openedCase(h);
    await h.adapter.send({ type: 'message', text: '', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/x.png' }] })
      .assertReply(h.say('fr', 'handoff.textOnly'));
  });
});

/** The contact-centre platform on the channel, as it signs its handoff.status events. */
const PLATFORM = { id: 'contact-centre-platform', name: 'Omnichannel' };

describe('HANDOFF_MODE=event: a contact-centre platform takes over', () => {
  it('sends handoff.initiate with the case context and the transcript, and follows handoff.status', async () => {
    const h = handoffHarness({ locale: 'en-US', env: { HANDOFF_MODE: 'event' }, channelAuthenticated: true });
    await h.adapter.send('talk to someone').assertReply(h.say('en', 'handoff.askSummary')).send('my card CRT-774310452 is refused');
    const { id } = await h.theCase();
    const sent = h.proactive();
    const event = sent.find((a) => a.type === 'event');
    expect(event?.name).toBe('handoff.initiate');
    expect(event?.value).toMatchObject({ caseId: id, language: 'en', reason: 'asked', summary: 'my card […] is refused' });
    const transcript: unknown = event?.attachments?.[0]?.content;
    expect(JSON.stringify(transcript)).toContain('talk to someone');

    await h.adapter.send({ type: 'event', name: 'handoff.status', from: PLATFORM, value: { state: 'failed', message: 'no agent' } })
      .assertReply(h.say('en', 'handoff.platformFailed', { caseId: id }));
    await h.adapter.send({ type: 'event', name: 'handoff.status', from: PLATFORM, value: { state: 'accepted' } });
    expect(await h.theCase()).toMatchObject({ status: 'assigned', agent: 'contact-centre' });
    await h.adapter.send({ type: 'event', name: 'handoff.status', from: PLATFORM, value: { state: 'completed' } });
    expect(await h.theCase()).toMatchObject({ status: 'closed', endedBy: 'platform' });
  });

  it('ignores handoff.status events in desk mode (a customer cannot close their case that way)', async () => {
    const h = handoffHarness({ locale: 'en-US' });
    await h.adapter.send('talk to someone').assertReply(h.say('en', 'handoff.askSummary')).send('quote question');
    await h.adapter.send({ type: 'event', name: 'handoff.status', value: { state: 'completed' } });
    expect((await h.theCase()).status).toBe('waiting');
  });
});

describe('in Microsoft Teams', () => {
  it('keeps the Teams address (tenant included) with the case and relays the agent\'s reply there', async () => {
    const h = handoffHarness({
      locale: 'en-US',
      template: { channelId: 'msteams', conversation: { id: 'a:teams-1', isGroup: false, name: '', conversationType: 'personal', tenantId: 'tenant-x' } },
    });
    await h.adapter.send('talk to someone').assertReply(h.say('en', 'handoff.askSummary')).send('need help with co-termination');
    const opened = await h.theCase();
    expect(opened).toMatchObject({ channel: 'msteams', conversationKey: 'msteams:a:teams-1' });
    expect(opened.address).toMatchObject({ channelId: 'msteams', conversation: { id: 'a:teams-1', tenantId: 'tenant-x' } });
    h.proactive();
    await h.parts.handoff.claim(opened.id, 'Marie');
    await h.parts.handoff.reply(opened.id, 'Marie', 'Hello from the desk');
    const sent = h.proactive();
    expect(sent.map((a) => a.text)).toEqual([
      h.say('en', 'handoff.claimed', { agent: 'Marie', caseId: opened.id }),
      h.say('en', 'handoff.fromAgent', { agent: 'Marie', text: 'Hello from the desk' }),
    ]);
    expect(sent.every((a) => a.conversation?.tenantId === 'tenant-x' && a.channelId === 'msteams')).toBe(true);
  });
});
