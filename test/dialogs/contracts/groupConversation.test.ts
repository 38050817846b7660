import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buttonsOf, contentOf } from '../../support/botHarness.js';
import type { Lang } from '../../../knowledge/schema.js';
import { SAMPLE, contractHarness } from './contractHarness.js';
import { FakePersonalChat } from './fakePersonalChat.js';

const BOT = { id: '28:renewal-bot', name: 'Renewal Assistant' };
const ALICE = { id: '29:alice', name: 'Alice', aadObjectId: '0b7c2d4e-1111-4a2b-9c3d-5e6f7a8b9c0d' };

/** A Teams team channel and a Teams group chat of the account's tenant, and the same marked only one way. */
const SHARED: Record<string, Partial<Activity>> = {
  'a Teams channel': {
    channelId: 'msteams', from: ALICE, recipient: BOT,
    conversation: { id: '19:renewals@thread.tacv2', isGroup: true, conversationType: 'channel', name: '', tenantId: SAMPLE.active.tenant },
    channelData: { channel: { id: '19:renewals@thread.tacv2', name: 'Renouvellements' }, tenant: { id: SAMPLE.active.tenant } },
  },
  'a Teams group chat': {
    channelId: 'msteams', from: ALICE, recipient: BOT,
    conversation: { id: '19:group@thread.v2', isGroup: true, conversationType: 'groupChat', name: '', tenantId: SAMPLE.active.tenant },
    channelData: { tenant: { id: SAMPLE.active.tenant } },
  },
  'a channel conversation without isGroup': {
    channelId: 'msteams', from: ALICE, recipient: BOT,
    conversation: { id: '19:other@thread.tacv2', isGroup: false, conversationType: 'channel', name: '', tenantId: SAMPLE.active.tenant },
  },
  'a group conversation on another channel': {
    channelId: 'webchat', from: ALICE, recipient: BOT,
    conversation: { id: 'shared-web', isGroup: true, name: '', conversationType: '' },
  },
};

/** What users type (or submit) that would ask for a proof or show a contract; `posted`: it holds contract details. */
const REQUESTS: ReadonlyArray<{ lang: Lang; locale: string; said: string | Partial<Activity>; posted: boolean }> = [
  { lang: 'en', locale: 'en-US', said: 'check my contract status', posted: false },
  { lang: 'en', locale: 'en-US', said: { text: '<at>Renewal Assistant</at> check my contract status', entities: [{ type: 'mention', mentioned: BOT, text: '<at>Renewal Assistant</at>' }] }, posted: false },
  { lang: 'en', locale: 'en-US', said: 'I want to renew my contract', posted: false },
  { lang: 'en', locale: 'en-US', said: SAMPLE.active.id, posted: true },
  { lang: 'en', locale: 'en-US', said: 'where was I?', posted: false },
  { lang: 'en', locale: 'en-US', said: 'next', posted: false },
  { lang: 'en', locale: 'en-US', said: 'align my end dates', posted: false },
  { lang: 'en', locale: 'en-US', said: { text: '', value: { renewalId: SAMPLE.active.id } }, posted: true },
  { lang: 'fr', locale: 'fr-FR', said: 'je veux renouveler', posted: false },
  { lang: 'fr', locale: 'fr-FR', said: 'quel est le statut de mon contrat ?', posted: false },
  { lang: 'fr', locale: 'fr-FR', said: 'je voudrais voir mon contrat rnw 2048 1137 svp', posted: true },
  { lang: 'fr', locale: 'fr-FR', said: 'où en étais-je ?', posted: false },
  { lang: 'fr', locale: 'fr-FR', said: 'reprendre', posted: false },
  { lang: 'fr', locale: 'fr-FR', said: 'retour', posted: false },
  { lang: 'fr', locale: 'fr-FR', said: SAMPLE.active.proof, posted: true },
  { lang: 'fr', locale: 'fr-FR', said: { text: 'valider', value: { action: 'verify', data: { proof: SAMPLE.active.proof } } }, posted: true },
];

const label = (said: string | Partial<Activity>) => (typeof said === 'string' ? said : JSON.stringify(said.value ?? said.text));

/** Nothing of the contract, its ID or its proof appears in what a reply shows (its random activity id aside). */
function revealsNothing(reply: Partial<Activity>): void {
  const content = JSON.stringify([reply.text, reply.speak, reply.attachments, reply.suggestedActions, reply.value]);
  for (const secret of ['2048', '1137', '774310452', 'Boulangeries']) expect(content).not.toContain(secret);
}

/** The two Teams kinds get every request; the conversations marked one way only, a sample of them. */
const SAMPLED = new Set([0, 3, 8, 10, 15]);

describe('in a channel or group chat, contracts are never shown', () => {
  for (const [where, template] of Object.entries(SHARED)) {
    const requests = where.startsWith('a Teams') ? REQUESTS : REQUESTS.filter((_, i) => SAMPLED.has(i));
    for (const { lang, locale, said, posted } of requests) {
      it(`answers « ${label(said)} » in ${where} with an offer of a private chat, without asking for a proof (${lang})`, async () => {
        const chats = new FakePersonalChat(false);
        const h = contractHarness({ locale, template, channelAuthenticated: true, personalChat: chats });
        const offer = template.channelId === 'msteams' ? h.say(lang, 'privateChat.howToTeams', { bot: BOT.name }) : h.say(lang, 'privateChat.howTo', { bot: BOT.name });
        await h.adapter
          .send(said)
          .assertReply((r) => {
            expect(r.text).toBe(posted ? `${h.say(lang, 'privateChat.dontPost')}\n\n${offer}` : offer);
            revealsNothing(r);
          })
          // Still nothing to answer a proof with: the group was never asked for one.
          .send(SAMPLE.active.proof)
          .assertReply((r) => {
            expect(r.text).toBe(`${h.say(lang, 'privateChat.dontPost')}\n\n${offer}`);
            revealsNothing(r);
          });
        expect(h.adapter.activeQueue).toHaveLength(0);
        expect(chats.requests.map((request) => request.userId)).toEqual([ALICE.id, ALICE.id]);
      });
    }
  }

  it('still answers questions, help and a request for a person in a channel (both languages)', async () => {
    const en = contractHarness({ locale: 'en-US', template: SHARED['a Teams channel'], channelAuthenticated: true, personalChat: new FakePersonalChat(false) });
    await en.adapter
      .send('is there a grace period?').assertReply((r) => expect(r.text).toBe(en.asked('grace-period', 'en')))
      .send('help').assertReply((r) => expect(r.text).toBe(en.say('en', 'help')))
      .send('talk to an agent').assertReply((r) => expect(r.text).toBe(en.say('en', 'handoff.askSummary')));
    const fr = contractHarness({ locale: 'fr-FR', template: SHARED['a Teams group chat'], channelAuthenticated: true, personalChat: new FakePersonalChat(false) });
    await fr.adapter
      .send('y a-t-il un délai de grâce ?').assertReply((r) => expect(r.text).toBe(fr.asked('grace-period', 'fr')));
  });
});

describe('the personal chat the bot opens from a group', () => {
  it('tells the channel it sent a private message, and opens the chat in the user\'s language with what they asked (fr)', async () => {
    const chats = new FakePersonalChat(true);
    const h = contractHarness({ locale: 'fr-FR', template: SHARED['a Teams channel'], channelAuthenticated: true, personalChat: chats });
    await h.adapter.send('je veux renouveler').assertReply(h.say('fr', 'privateChat.sent'));
    expect(chats.requests).toHaveLength(1);
    const [request] = chats.requests;
    expect(request?.userId).toBe(ALICE.id);
    expect(request?.first.text).toBe(h.say('fr', 'privateChat.first.renewal', { place: h.say('fr', 'privateChat.place.channelNamed', { name: 'Renouvellements' }) }));
    expect(buttonsOf(request?.first ?? {})).toEqual([h.title('start-renewal', 'fr')]);
  });

  it('says where the request came from for a group chat without a name, and never repeats the ID posted there (en)', async () => {
    const chats = new FakePersonalChat(true);
    const h = contractHarness({ locale: 'en-US', template: SHARED['a Teams group chat'], channelAuthenticated: true, personalChat: chats });
    await h.adapter.send(`status of ${SAMPLE.active.id}`).assertReply(`${h.say('en', 'privateChat.dontPost')}\n\n${h.say('en', 'privateChat.sent')}`);
    const first = chats.requests[0]?.first ?? {};
    expect(first.text).toBe(h.say('en', 'privateChat.first.status', { place: h.say('en', 'privateChat.place.group') }));
    expect(buttonsOf(first)).toEqual([h.title('check-status', 'en')]);
    revealsNothing(first);
  });

  it('writes a hostile channel name as plain words on one line', async () => {
    const chats = new FakePersonalChat(true);
    const template = { ...SHARED['a Teams channel'], channelData: { channel: { name: `**Everyone**\n[click](https://evil.example)\u202e${'x'.repeat(500)}` } } };
    const h = contractHarness({ locale: 'en-US', template, channelAuthenticated: true, personalChat: chats });
    await h.adapter.send('check my contract status').assertReply(h.say('en', 'privateChat.sent'));
    const text = chats.requests[0]?.first.text ?? '';
    expect(text).toContain('“Everyone click (https://evil.example)');
    expect(text).not.toMatch(/[*[\]\n\u202e]/u);
    expect(text.length).toBeLessThan(h.say('en', 'privateChat.first.status', { place: '' }).length + 100);
  });
});

describe('a personal Teams chat', () => {
  it('shows the contract of the trusted tenant as before, and opens no other chat', async () => {
    const chats = new FakePersonalChat(true);
    const h = contractHarness({
      locale: 'fr-FR', channelAuthenticated: true, personalChat: chats,
      template: { channelId: 'msteams', from: ALICE, recipient: BOT, conversation: { id: 'a:personal', tenantId: SAMPLE.active.tenant, isGroup: false, name: '', conversationType: 'personal' } },
    });
    await h.adapter
      .send(`statut de ${SAMPLE.active.id}`)
      .assertReply((r) => expect(contentOf(r)).toContain(h.say('fr', 'status.title', { renewalId: SAMPLE.active.id, account: 'Boulangeries Martin SARL' })));
    expect(chats.requests).toHaveLength(0);
  });
});
