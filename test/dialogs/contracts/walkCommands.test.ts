import { readFileSync } from 'node:fs';
import type { TestFlow } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { SAMPLE, contractHarness, verify, type ContractHarness } from './contractHarness.js';

type WalkLang = 'fr' | 'en';
const WORDS = ['next', 'back', 'skip', 'stop', 'whereWasI'] as const;
type Word = (typeof WORDS)[number];

/** The command lists of a locale file: every phrase a user may type is tried. */
function commandList(lang: WalkLang): Record<Word, string[]> {
  const file: unknown = JSON.parse(readFileSync(new URL(`../../../locales/${lang}/translation.json`, import.meta.url), 'utf8'));
  const commands = typeof file === 'object' && file !== null && 'commands' in file ? file.commands : undefined;
  const list = (name: Word): string[] => {
    const value: unknown = typeof commands === 'object' && commands !== null && name in commands ? Reflect.get(commands, name) : undefined;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  };
  return { next: list('next'), back: list('back'), skip: list('skip'), stop: list('stop'), whereWasI: list('whereWasI') };
}

const header = (h: ContractHarness, lang: WalkLang, step: number) =>
  h.say(lang, 'walk.header', { step, total: 6, title: h.say(lang, `walk.steps.${step}.title`) });

function start(h: ContractHarness, lang: WalkLang): TestFlow {
  const opening = lang === 'fr' ? `je veux renouveler ${SAMPLE.active.id}` : `I want to renew ${SAMPLE.active.id}`;
  return verify(h, lang, opening, SAMPLE.active)
    .assertReply(h.say(lang, 'walk.start', { renewalId: SAMPLE.active.id }))
    .assertReply((r) => expect(r.text).toContain(header(h, lang, 1)));
}

const atStep = (h: ContractHarness, lang: WalkLang, step: number, said: string) => (r: { text?: string }) => {
  expect(r.text, `after « ${said} »`).toContain(header(h, lang, step));
};

describe.each(['fr', 'en'] as const)('every walkthrough command in %s, typed and as a button', (lang) => {
  const words = commandList(lang);
  const button = (h: ContractHarness, key: string) => h.say(lang, `walk.buttons.${key}`);

  it('goes back with each "back" phrase and the Back button', async () => {
    const h = contractHarness({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
    let flow = start(h, lang);
    for (const said of [...words.back, button(h, 'back')]) {
      flow = flow.send(button(h, 'next')).assertReply(atStep(h, lang, 2, 'next'))
        .send(said).assertReply(atStep(h, lang, 1, said));
    }
    await flow;
  });

  it('moves on with each "next" and "skip" phrase and their buttons', async () => {
    const h = contractHarness({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
    let flow = start(h, lang);
    for (const said of [...words.next, ...words.skip, button(h, 'next'), button(h, 'skip')]) {
      flow = flow.send(said).assertReply(atStep(h, lang, 2, said))
        .send(button(h, 'back')).assertReply(atStep(h, lang, 1, 'back'));
    }
    await flow;
  });

  it('shows the same step again with each "where was I" phrase', async () => {
    const h = contractHarness({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
    let flow = start(h, lang).send(button(h, 'next')).assertReply(atStep(h, lang, 2, 'next'));
    for (const said of words.whereWasI) flow = flow.send(said).assertReply(atStep(h, lang, 2, said));
    await flow;
  });

  it('pauses in the user\'s language with each "stop" phrase and the Stop button, and resumes', async () => {
    const h = contractHarness({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
    let flow = start(h, lang).send(button(h, 'next')).assertReply(atStep(h, lang, 2, 'next'));
    for (const said of [...words.stop, button(h, 'stop')]) {
      flow = flow.send(said).assertReply((r) => expect(r.text, `after « ${said} »`).toBe(h.say(lang, 'walk.stopped', { step: 2, total: 6 })))
        .send(words.whereWasI[0] ?? '')
        .assertReply(h.say(lang, 'walk.resuming', { step: 2, total: 6 }))
        .assertReply(atStep(h, lang, 2, 'where was I'));
    }
    await flow;
  });
});
