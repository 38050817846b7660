import { describe, expect, it } from 'vitest';
import { ActivityTypes } from 'botbuilder';
import { botHarness, buttonsOf } from '../../support/botHarness.js';

const EPOCH = new Date(0);

describe('"Was this helpful?" under FAQ answers', () => {
  it('asks in French with Oui / Non buttons and thanks for a "Oui", recorded as helpful', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('y a-t-il une période de grâce ?')
      .assertReply((r) => {
        expect(r.text).toBe(h.asked('grace-period', 'fr'));
        expect(buttonsOf(r).slice(0, 2)).toEqual([h.say('fr', 'feedback.yes'), h.say('fr', 'feedback.no')]);
      })
      .send(h.say('fr', 'feedback.yes'))
      .assertReply(h.say('fr', 'feedback.thanks'));
    const events = await h.parts.feedback.store.since(EPOCH);
    expect(events.map((e) => [e.kind, e.intent])).toEqual([['answered', 'grace-period'], ['helpful', 'grace-period']]);
  });

  it('on "No" in English asks what was missing, offers an agent, and stores the comment redacted', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter
      .send('is there a grace period?')
      .assertReply((r) => expect(buttonsOf(r).slice(0, 2)).toEqual([h.say('en', 'feedback.yes'), h.say('en', 'feedback.no')]))
      .send(h.say('en', 'feedback.no'))
      .assertReply((r) => {
        expect(r.text).toBe(h.say('en', 'feedback.askMissing'));
        expect(buttonsOf(r)).toEqual([h.say('en', 'feedback.skip'), h.title('talk-to-agent', 'en')]);
      })
      .send('the price for RNW-20481137, write to jane.doe@example.com or +44 20 7946 0958')
      .assertReply(h.say('en', 'feedback.thanksComment'));
    const comment = (await h.parts.feedback.store.since(EPOCH)).find((e) => e.kind === 'comment');
    expect(comment?.text).toBe('the price for [renewal-id], write to [email] or [phone]');
    expect(comment?.intent).toBe('grace-period');
  });

  it('lets the user skip the comment', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('période de grâce ?').assertReply(() => undefined)
      .send('non').assertReply(h.say('fr', 'feedback.askMissing'))
      .send(h.say('fr', 'feedback.skip'))
      .assertReply(h.say('fr', 'feedback.skipped'));
    expect((await h.parts.feedback.store.since(EPOCH)).some((e) => e.kind === 'comment')).toBe(false);
  });

  it('records a handoff caused by the answer rated not helpful when the user takes the agent', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter
      .send('is there a grace period?').assertReply(() => undefined)
      .send(h.say('en', 'feedback.no')).assertReply(() => undefined)
      .send(h.title('talk-to-agent', 'en'))
      .assertReply(h.say('en', 'handoff.askSummary'));
    const handoff = (await h.parts.feedback.store.since(EPOCH)).find((e) => e.kind === 'handoff');
    expect(handoff?.intent).toBe('grace-period');
  });

  it('asks at most once per entry in a conversation, and a later message is no longer read as an answer', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter
      .send('is there a grace period?').assertReply((r) => expect(r.text).toBe(h.asked('grace-period', 'en')))
      .send('is there a grace period?').assertReply((r) => {
        expect(r.text).toBe(h.answer('grace-period', 'en'));
        expect(buttonsOf(r)).not.toContain(h.say('en', 'feedback.yes'));
      })
      .send('thanks').assertReply(h.say('en', 'thanks'));
    const kinds = (await h.parts.feedback.store.since(EPOCH)).map((e) => e.kind);
    expect(kinds).toEqual(['answered', 'answered']);
  });

  it('shows Yes / No as card buttons in a Teams channel, where suggested actions are hidden', async () => {
    const h = botHarness({ locale: 'en-US', template: { channelId: 'msteams', conversation: { id: 'team-9', isGroup: true, conversationType: 'channel', name: '' } } });
    await h.adapter
      .send('is there a grace period?')
      .assertReply((r) => {
        expect(r.text).toBe(h.asked('grace-period', 'en'));
        expect(r.suggestedActions).toBeUndefined();
        const card: unknown = r.attachments?.[0]?.content;
        const buttons = typeof card === 'object' && card !== null && 'buttons' in card && Array.isArray(card.buttons) ? card.buttons : [];
        expect(buttons.slice(0, 2).map((b: { title?: string }) => b.title)).toEqual([h.say('en', 'feedback.yes'), h.say('en', 'feedback.no')]);
      })
      .send({ type: ActivityTypes.Message, text: h.say('en', 'feedback.yes') })
      .assertReply(h.say('en', 'feedback.thanks'));
  });

  it('records a question it could not answer, redacted, under a keyed hash of the user', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter.send('comment renouveler mon passeport à la mairie ? certificat CRT-774310452, tel 06 12 34 56 78').assertReply(h.say('fr', 'none'));
    const unanswered = (await h.parts.feedback.store.since(EPOCH)).find((e) => e.kind === 'unanswered');
    expect(unanswered?.intent).toBe('none');
    expect(unanswered?.text).toBe('comment renouveler mon passeport à la mairie ? certificat [number], tel [phone]');
    expect(unanswered?.user).toMatch(/^[0-9a-f]{32}$/);
  });
});
