import { describe, expect, it } from 'vitest';
import { LanguageDetector } from '../../../knowledge/language/languageDetector.js';

// English examples full of renewal IDs, French ones with none: the IDs must not make
// every message that quotes one English.
const detector = new LanguageDetector({
  fr: ['ou en est mon contrat', 'je voudrais renouveler la maintenance', 'quelle est la date de fin'],
  en: ['status of RNW-20481137', 'renew RNW-31007744 please', 'is 4471-2290 still covered', 'where is my contract'],
});

describe('language of messages that quote a renewal ID', () => {
  it.each([
    'ou en est le RNW-20481137',
    'renouveler 4471-2290 svp',
    'la date de fin du 31007744',
  ])('"%s" is French: the ID is the same in both languages', (text) => {
    expect(detector.detect(text).lang).toBe('fr');
  });

  it('an ID alone says nothing about the language', () => {
    expect(detector.detect('4471-2290')).toEqual({ lang: undefined, evidence: 0 });
  });

  it.each([
    ['renouveler 4471-2290', 'renouveler'],
    ['echeance du 20481137 ?', 'echeance du ?'],
    ['contrat 2048 1137 fin', 'contrat fin'],
  ])('"%s" weighs exactly as "%s": its digits add nothing', (withId, without) => {
    expect(detector.detect(withId).evidence).toBeCloseTo(detector.detect(without).evidence, 9);
  });

  it('still reads English around an ID', () => {
    expect(detector.detect('where is my contract RNW-20481137').lang).toBe('en');
  });
});
