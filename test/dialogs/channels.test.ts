import { ActivityTypes } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { botHarness, buttonsOf } from '../support/botHarness.js';
import { MAIN_TOPICS } from '../../dialogs/mainDialog.js';

const teams = (conversation: { id: string; isGroup: boolean }) => ({
  channelId: 'msteams',
  conversation: { ...conversation, name: '', conversationType: conversation.isGroup ? 'channel' : 'personal', tenantId: 'tenant-x' },
});

describe('in Microsoft Teams', () => {
  it('greets a user who installs the app in their own language, with every topic as a card button', async () => {
    const h = botHarness({ locale: 'fr-FR', template: teams({ id: 'p1', isGroup: false }) });
    await h.adapter
      .send({ type: ActivityTypes.InstallationUpdate, action: 'add' })
      .assertReply((r) => {
        expect(r.text).toBe(h.say('fr', 'welcome'));
        expect(r.suggestedActions).toBeUndefined();
        const card = r.attachments?.[0];
        expect(card?.contentType).toBe('application/vnd.microsoft.card.hero');
        expect(JSON.stringify(card?.content)).toContain(h.title('talk-to-agent', 'fr'));
        expect((card?.content as { buttons: unknown[] }).buttons).toHaveLength(MAIN_TOPICS.length);
      });
  });

  it('does not greet each member who joins a team channel', async () => {
    const h = botHarness({ locale: 'en-US', template: teams({ id: 'team-1', isGroup: true }) });
    await h.adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'new-colleague', name: 'Sam' }] })
      .send('thanks')
      .assertReply(h.say('en', 'thanks'));
  });

  it('reads a channel message without the bot\'s @mention', async () => {
    const h = botHarness({ locale: 'en-US', template: { ...teams({ id: 'team-2', isGroup: true }), recipient: { id: 'bot-id', name: 'Renewals' } } });
    await h.adapter
      .send({
        type: ActivityTypes.Message,
        text: '<at>Renewals</at> is there a grace period?',
        entities: [{ type: 'mention', mentioned: { id: 'bot-id', name: 'Renewals' }, text: '<at>Renewals</at>' }],
      })
      .assertReply((r) => expect(r.text).toBe(h.answer('grace-period', 'en')));
  });

  it('keeps three or fewer buttons as suggested actions in a personal chat', async () => {
    const h = botHarness({ locale: 'en-US', template: teams({ id: 'p2', isGroup: false }) });
    await h.adapter.send('is there a grace period?').assertReply((r) => {
      expect(buttonsOf(r)).toHaveLength(3);
      expect(r.attachments ?? []).toHaveLength(0);
    });
  });
});

describe('on the support page', () => {
  it('takes the page\'s language toggle as the user\'s choice, also for messages without a language', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('bonjour')
      .assertReply(h.say('fr', 'greeting'))
      .send({ type: ActivityTypes.Event, name: 'setLanguage', value: 'en' })
      .assertReply(h.say('en', 'languageToggle.sameButtons'))
      .send('👍')
      .assertReply((r) => expect(r.text).toBe(h.say('en', 'input.empty')));
  });
});
