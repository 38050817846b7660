import { ActivityTypes } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ButtonLabels } from '../../bot/buttonLabels.js';
import { readLocaleResources } from '../../bot/i18n.js';
import { MAIN_TOPICS } from '../../dialogs/mainDialog.js';
import { botHarness, buttonsOf } from '../support/botHarness.js';
import { SAMPLE, contractHarness } from '../dialogs/contracts/contractHarness.js';

const toggle = (value: string) => ({ type: ActivityTypes.Event, name: 'setLanguage', value });

describe("the support page's FR/EN toggle", () => {
  it('re-sends the buttons on screen in the new language', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('bonjour')
      .assertReply((r) => expect(buttonsOf(r)).toEqual(MAIN_TOPICS.map((id) => h.title(id, 'fr'))))
      .send(toggle('en'))
      .assertReply((r) => {
        expect(r.text).toBe(h.say('en', 'languageToggle.sameButtons'));
        expect(buttonsOf(r)).toEqual(MAIN_TOPICS.map((id) => h.title(id, 'en')));
        // A button sends its label: the new label, which the bot understands in English.
        expect(r.suggestedActions?.actions.map((a) => a.value)).toEqual(MAIN_TOPICS.map((id) => h.title(id, 'en')));
      })
      .send(toggle('fr'))
      .assertReply((r) => expect(buttonsOf(r)).toEqual(MAIN_TOPICS.map((id) => h.title(id, 'fr'))));
  });

  it('re-sends the walkthrough buttons (next, skip, stop) in the new language', async () => {
    const h = contractHarness({ locale: 'en-US' });
    await h.adapter
      .send('I want to renew')
      .assertReply(h.say('en', 'verify.askId'))
      .send(SAMPLE.active.id)
      .assertReply(h.say('en', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply(h.say('en', 'verify.done', { renewalId: SAMPLE.active.id }))
      .assertReply(h.say('en', 'walk.start', { renewalId: SAMPLE.active.id }))
      .assertReply((r) => expect(buttonsOf(r)).toEqual(['walk.buttons.next', 'walk.buttons.skip', 'walk.buttons.stop'].map((k) => h.say('en', k))))
      .send(toggle('fr'))
      .assertReply((r) => {
        expect(r.text).toBe(h.say('fr', 'languageToggle.sameButtons'));
        expect(buttonsOf(r)).toEqual(['walk.buttons.next', 'walk.buttons.skip', 'walk.buttons.stop'].map((k) => h.say('fr', k)));
      })
      .send(h.say('fr', 'walk.buttons.next'))
      .assertReply((r) => expect(r.text).toContain(h.say('fr', 'walk.steps.2.title')));
  });

  it('sends nothing when the last message had no buttons, or they are already in that language', async () => {
    const h = botHarness({ locale: 'fr-FR' });
    await h.adapter
      .send('merci')
      .assertReply((r) => expect(buttonsOf(r)).toEqual([]))
      .send(toggle('en'))
      .send('👍')
      .assertReply(h.say('en', 'input.empty'));
    const again = botHarness({ locale: 'en-US' });
    await again.adapter
      .send('hello')
      .assertReply((r) => expect(buttonsOf(r).length).toBeGreaterThan(0))
      .send(toggle('en'))
      .send('👍')
      .assertReply(again.say('en', 'input.empty'));
  });
});

describe('ButtonLabels', () => {
  const h = botHarness();
  const labels = new ButtonLabels(readLocaleResources(), h.parts.kb);

  it('translates locale strings and topic titles both ways, and leaves anything else alone', () => {
    expect(labels.translate(h.say('en', 'walk.buttons.quote'), 'fr')).toBe(h.say('fr', 'walk.buttons.quote'));
    expect(labels.translate(h.title('grace-period', 'fr'), 'en')).toBe(h.title('grace-period', 'en'));
    expect(labels.translate(h.title('grace-period', 'en'), 'en')).toBe(h.title('grace-period', 'en'));
    expect(labels.translate('RNW-20481137', 'fr')).toBe('RNW-20481137');
    expect(labels.translate('', 'fr')).toBe('');
  });

  it('keeps the URL of a link button and translates its label', () => {
    const link = { type: 'openUrl', title: h.say('fr', 'links.customerPortal'), value: 'https://portal.example.com/' };
    expect(labels.translateActions([link], 'en')).toEqual([{ ...link, title: h.say('en', 'links.customerPortal') }]);
  });
});
