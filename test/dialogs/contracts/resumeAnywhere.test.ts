import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { contentOf } from '../../support/botHarness.js';
import { FakeClock } from '../../services/fakeClock.js';
import { progressKeyOf } from '../../../dialogs/contracts/walkthroughProgress.js';
import { extractRenewalId } from '../../../services/contracts/index.js';
import { SAMPLE, TODAY, contractHarness, verify, type ContractHarness } from './contractHarness.js';

const header = (h: ContractHarness, lang: 'fr' | 'en', step: number) =>
  h.say(lang, 'walk.header', { step, total: 6, title: h.say(lang, `walk.steps.${step}.title`) });

describe.each([
  { lang: 'fr', locale: 'fr-FR', renew: `je veux renouveler ${SAMPLE.active.id}`, status: `statut de ${SAMPLE.active.id}`, goOn: 'je voudrais continuer mon renouvellement', next: 'suivant' },
  { lang: 'en', locale: 'en-US', renew: `I want to renew ${SAMPLE.active.id}`, status: `status of ${SAMPLE.active.id}`, goOn: 'I want to continue my renewal', next: 'next' },
] as const)('walkthrough progress kept with the contract ($lang)', ({ lang, locale, renew, status, goOn, next }) => {
  async function walkToStep3OnFirstDevice(storage: MemoryStorage, clock: FakeClock): Promise<void> {
    const first = contractHarness({ locale, storage, clock });
    await verify(first, lang, renew, SAMPLE.active)
      .assertReply(first.say(lang, 'walk.start', { renewalId: SAMPLE.active.id }))
      .assertReply((r) => expect(r.text).toContain(header(first, lang, 1)))
      .send(next).assertReply((r) => expect(r.text).toContain(header(first, lang, 2)))
      .send(next).assertReply((r) => expect(r.text).toContain(header(first, lang, 3)))
      .send('stop').assertReply(first.say(lang, 'walk.stopped', { step: 3, total: 6 }));
  }

  /** Another browser: another user id and another conversation, the same bot storage. */
  const otherDevice = (storage: MemoryStorage, clock: FakeClock) => contractHarness({
    locale, storage, clock,
    template: { from: { id: 'another-browser', name: '' }, conversation: { id: 'another-conversation', isGroup: false, name: '', conversationType: 'personal' } },
  });

  it('resumes at the same step when a new user verifies the contract and asks to continue the renewal', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(TODAY);
    await walkToStep3OnFirstDevice(storage, clock);
    const second = otherDevice(storage, clock);
    await verify(second, lang, status, SAMPLE.active)
      .assertReply((r) => expect(contentOf(r)).toContain(SAMPLE.active.id))
      .send(goOn)
      .assertReply(second.say(lang, 'walk.resuming', { step: 3, total: 6 }))
      .assertReply((r) => expect(r.text).toContain(header(second, lang, 3)));
  });

  it('resumes with "where was I?" after verifying on the new device', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(TODAY);
    await walkToStep3OnFirstDevice(storage, clock);
    const second = otherDevice(storage, clock);
    await verify(second, lang, status, SAMPLE.active)
      .assertReply((r) => expect(contentOf(r)).toContain(SAMPLE.active.id))
      .send(lang === 'fr' ? 'où en étais-je ?' : 'where was I?')
      .assertReply(second.say(lang, 'walk.resuming', { step: 3, total: 6 }))
      .assertReply((r) => expect(r.text).toContain(header(second, lang, 3)));
  });

  it('keeps the progress under a hash of the renewal ID, never the ID itself', async () => {
    const storage = new MemoryStorage();
    await walkToStep3OnFirstDevice(storage, new FakeClock(TODAY));
    const renewalId = extractRenewalId(SAMPLE.active.id);
    if (!renewalId) throw new Error('sample ID');
    const key = progressKeyOf(renewalId);
    expect(key).not.toContain('20481137');
    expect((await storage.read([key]))[key]).toMatchObject({ step: 3 });
  });
});
