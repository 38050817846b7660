import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { contentOf } from '../../support/botHarness.js';
import { SAMPLE, contractHarness } from './contractHarness.js';

/**
 * A message from one of two users of the same conversation that no channel marked as a group (a
 * Direct Line conversation shared by two clients): Teams channels and group chats never show a
 * contract at all (groupConversation.test.ts), and here too each person's verification is their own.
 */
const from = (userId: string, text: string): Partial<Activity> => ({ type: 'message', text, from: { id: userId, name: userId } });

const header = (h: ReturnType<typeof contractHarness>, step: number) =>
  h.say('en', 'walk.header', { step, total: 6, title: h.say('en', `walk.steps.${step}.title`) });

describe('verified state belongs to the person, not to the conversation', () => {
  it('does not show a contract verified by one member to another member of the same conversation', async () => {
    const h = contractHarness({ locale: 'en-US', template: { conversation: { id: 'shared-chat', isGroup: false, name: '', conversationType: '' } } });
    await h.adapter
      .send(from('owner', `status of ${SAMPLE.active.id}`))
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(from('owner', SAMPLE.active.proof))
      .assertReply(h.say('en', 'verify.done', { renewalId: SAMPLE.active.id }))
      .assertReply((r) => expect(contentOf(r)).toContain(SAMPLE.active.id))
      .send(from('colleague', `status of ${SAMPLE.active.id}`))
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(from('colleague', 'my contract status'))
      .assertReply((r) => expect(contentOf(r)).not.toContain('Boulangeries Martin'));
  });

  it("does not let another member see or move the owner's walkthrough", async () => {
    const h = contractHarness({ locale: 'en-US', template: { conversation: { id: 'shared-chat-walk', isGroup: false, name: '', conversationType: '' } } });
    await h.adapter
      .send(from('owner', `I want to renew ${SAMPLE.active.id}`))
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(from('owner', SAMPLE.active.proof))
      .assertReply(h.say('en', 'verify.done', { renewalId: SAMPLE.active.id }))
      .assertReply(h.say('en', 'walk.start', { renewalId: SAMPLE.active.id }))
      .assertReply((r) => expect(r.text).toContain(header(h, 1)))
      .send(from('colleague', 'next'))
      .assertReply((r) => expect(contentOf(r)).not.toContain(header(h, 2)))
      .send(from('colleague', 'where was I?'))
      .assertReply((r) => expect(contentOf(r)).not.toMatch(/RNW-20481137|Boulangeries/))
      .send(from('owner', 'next'))
      .assertReply((r) => expect(r.text).toContain(header(h, 2)));
  });
});
