import { describe, expect, it } from 'vitest';
import { ActivityTypes } from 'botbuilder';
import { botHarness, buttonsOf } from '../support/botHarness.js';
import { createUnderstanding } from '../../bot/app.js';
import type { IntentRecognizer } from '../../knowledge/recognizer/recognizer.js';

describe('the main dialog, in French', () => {
  it('answers a French question with the French answer and related questions as buttons', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter.send('y a-t-il une période de grâce ?').assertReply((reply) => {
      expect(reply.text).toBe(h.asked('grace-period', 'fr'));
      expect(buttonsOf(reply)).toEqual([h.say('fr', 'feedback.yes'), h.say('fr', 'feedback.no'), ...h.parts.kb.faq('grace-period').related.map((id) => h.title(id, 'fr'))]);
    });
  });

  it('answers a French question in an English-locale conversation in French', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter.send('comment etre prevenu que mon contrat arrive a expiration').assertReply((reply) => {
      expect(reply.text).toBe(h.asked('expiry-notice', 'fr'));
    });
  });

  it('follows a related-question button to its answer', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    const related = h.parts.kb.faq('grace-period').related[0];
    if (!related) throw new Error('grace-period has no related question');
    await h.adapter
      .send('période de grâce')
      .assertReply((reply) => expect(buttonsOf(reply)).toContain(h.title(related, 'fr')))
      .send(h.title(related, 'fr'))
      .assertReply((reply) => expect(reply.text).toBe(h.asked(related, 'fr')));
  });

  it('says when a question is outside its subject and offers the main topics and an agent', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter.send('comment renouveler mon passeport à la mairie ?').assertReply((reply) => {
      expect(reply.text).toBe(h.say('fr', 'none'));
      expect(buttonsOf(reply)).toContain(h.title('talk-to-agent', 'fr'));
      expect(buttonsOf(reply)).toContain(h.title('renewal-process', 'fr'));
    });
  });

  it('greets, thanks and says goodbye in French', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('bonjour')
      .assertReply((reply) => expect(reply.text).toBe(h.say('fr', 'greeting')))
      .send('merci beaucoup')
      .assertReply(h.say('fr', 'thanks'))
      .send('au revoir')
      .assertReply(h.say('fr', 'goodbye'));
  });
});

describe('the main dialog, in English', () => {
  it('answers an English question in a French-locale conversation in English', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter.send('what counts as proof of purchase?').assertReply((reply) => {
      expect(reply.text).toBe(h.asked('proof-of-purchase', 'en'));
      expect(buttonsOf(reply).length).toBeGreaterThan(0);
    });
  });

  it('explains what it can do on "help"', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter.send('what can you do?').assertReply((reply) => {
      expect(reply.text).toBe(h.say('en', 'help'));
      expect(buttonsOf(reply)).toContain(h.title('talk-to-agent', 'en'));
    });
  });

  it('switches to French for the rest of the conversation when asked, even for English messages', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter
      .send('can you answer in French please')
      .assertReply((reply) => expect(reply.text).toBe(h.say('fr', 'language.switched')))
      .send('is there a grace period?')
      .assertReply((reply) => expect(reply.text).toBe(h.asked('grace-period', 'fr')))
      .send('speak English')
      .assertReply((reply) => expect(reply.text).toBe(h.say('en', 'language.switched')));
  });

  it('asks which topic was meant when two are equally close', async () => {
    const unsure: IntentRecognizer = {
      recognize: () => ({
        intent: 'when-to-renew', score: 0.5, lang: 'en', langDetected: true, ambiguous: true,
        candidates: [{ intent: 'when-to-renew', score: 0.5 }, { intent: 'grace-period', score: 0.49 }],
      }),
    };
    const h = botHarness({ locale: 'en-US', recognizer: unsure });
    await h.adapter.send('renewal timing').assertReply((reply) => {
      expect(reply.text).toBe(h.say('en', 'didYouMean'));
      expect(buttonsOf(reply)).toEqual([h.title('when-to-renew', 'en'), h.title('grace-period', 'en'), h.title('talk-to-agent', 'en')]);
    });
  });

  it('starts a handoff on talk-to-agent: asks what it is about', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter.send('I want to talk to a human agent').assertReply(h.say('en', 'handoff.askSummary'));
  });
});

describe('bad input', () => {
  it('asks for words when a message has none', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter
      .send('   ')
      .assertReply((reply) => expect(reply.text).toBe(h.say('en', 'input.empty')))
      .send('🙂🙂🙂')
      .assertReply((reply) => expect(reply.text).toBe(h.say('en', 'input.empty')));
  });

  it('says it cannot read attachments sent without text', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter
      .send({ type: ActivityTypes.Message, text: '', attachments: [{ contentType: 'image/png', contentUrl: 'http://example.invalid/a.png' }] })
      .assertReply((reply) => expect(reply.text).toBe(h.say('fr', 'input.attachmentsOnly')));
  });

  it('answers a 10,000-character message and an HTML message without echoing them', async () => {
    const h = botHarness({ locale: 'en-US' });
    const long = `is there a grace period ${'x'.repeat(10_000)}`;
    await h.adapter
      .send(long)
      .assertReply((reply) => expect(reply.text).toBe(h.asked('grace-period', 'en')))
      .send('<script>alert(1)</script><b>hello</b>')
      // Whatever the recognizer makes of it, the bot answers with its own words, not the markup.
      .assertReply((reply) => {
        expect(reply.text).toBeTruthy();
        expect(JSON.stringify(reply)).not.toMatch(/<script|alert\(1\)|<b>/);
      });
  });

  it('answers binary-looking text with the main topics instead of a guess', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter
      .send('\u0000\u0001\u00ff\ufffd%PDF-1.7 \u0007\u001b[31m x9$#@!')
      .assertReply((reply) => {
        expect([h.say('en', 'none'), h.say('en', 'input.empty')]).toContain(reply.text);
        expect(buttonsOf(reply)).toContain(h.title('talk-to-agent', 'en'));
      });
  });

  it('ignores an unknown activity type', async () => {
    const h = botHarness({ locale: 'en-US' });
    await h.adapter.send({ type: 'somethingNew' }).send('thanks').assertReply(h.say('en', 'thanks'));
  });

  it('apologizes in the user\'s language when a turn fails, and recovers', async () => {
    const { recognizer: real } = createUnderstanding();
    let fail = true;
    const failsOnce: IntentRecognizer = {
      recognize: (text, options) => {
        if (fail) {
          fail = false;
          throw new Error('boom');
        }
        return real.recognize(text, options);
      },
    };
    const h = botHarness({ locale: 'fr-FR', recognizer: failsOnce });
    await h.adapter
      .send('période de grâce ?')
      .assertReply(h.say('fr', 'errors.turn'))
      .send('période de grâce ?')
      .assertReply((reply) => expect(reply.text).toBe(h.asked('grace-period', 'fr')));
  });
});
