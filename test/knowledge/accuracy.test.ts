import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../bot/app.js';
import { fromRoot } from '../../bot/paths.js';

/** The labelled development set that ../shared/eval provides next to the project. */
const DEV_SET = fromRoot('..', 'shared', 'eval', 'dev.jsonl');

interface Case {
  text: string;
  lang: 'fr' | 'en';
  expect: string[];
}

describe('understanding on the development set', () => {
  it('stays above the accuracy floors', () => {
    if (!existsSync(DEV_SET)) throw new Error(`the development set is missing: ${DEV_SET} (it comes with ../shared/eval)`);
    const cases: Case[] = readFileSync(DEV_SET, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const { recognizer } = createUnderstanding();
    const tally: Record<'fr' | 'en' | 'none' | 'lang', [number, number]> = { fr: [0, 0], en: [0, 0], none: [0, 0], lang: [0, 0] };
    const misses: string[] = [];
    for (const c of cases) {
      const result = recognizer.recognize(c.text);
      const outOfScope = c.expect.length === 1 && c.expect[0] === 'none';
      const bucket = outOfScope ? tally.none : tally[c.lang];
      const hit = c.expect.includes(result.intent);
      bucket[0] += hit ? 1 : 0;
      bucket[1] += 1;
      tally.lang[0] += result.lang === c.lang ? 1 : 0;
      tally.lang[1] += 1;
      if (!hit) misses.push(`${c.text} -> ${result.intent}`);
    }
    const rate = ([hit, all]: [number, number]) => hit / all;
    const report = `fr ${rate(tally.fr)}, en ${rate(tally.en)}, none ${rate(tally.none)}, lang ${rate(tally.lang)}; misses:\n${misses.join('\n')}`;
    // Floors a little under the targets (95% / 90% / 98%): they catch a regression, not noise.
    expect(rate(tally.fr), report).toBeGreaterThanOrEqual(0.92);
    expect(rate(tally.en), report).toBeGreaterThanOrEqual(0.92);
    expect(rate(tally.none), report).toBeGreaterThanOrEqual(0.85);
    expect(rate(tally.lang), report).toBeGreaterThanOrEqual(0.97);
  });
});
