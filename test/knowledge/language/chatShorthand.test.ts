import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../../bot/app.js';
import { LanguageDetector } from '../../../knowledge/language/languageDetector.js';

const detector = new LanguageDetector({ fr: ['bonjour le contrat'], en: ['hello the contract'] });
const { recognizer } = createUnderstanding();

describe('language of chat shorthand', () => {
  it.each(['thx', 'thx a lot', 'pls', 'ty', 'see you tmrw'])('"%s" is English', (text) => {
    expect(detector.detect(text).lang).toBe('en');
  });

  it.each(['a+', 'A+ !', '@+', 'merci bcp', 'dsl'])('"%s" is French', (text) => {
    expect(detector.detect(text).lang).toBe('fr');
  });

  it('does not take a grade or a sum for a French sign-off', () => {
    expect(detector.detect('a+b').lang).toBeUndefined();
    expect(detector.detect('grade A+ security').lang).not.toBe('fr');
    expect(detector.detect('the audit rated our setup A+').lang).not.toBe('fr');
  });
});

describe('language when no clue is confident', () => {
  it("keeps the conversation's language when the caller gives one", () => {
    const r = recognizer.recognize('ok', { fallbackLang: 'en' });
    expect(r).toMatchObject({ lang: 'en', langDetected: false });
  });

  it('follows the weak evidence without a conversation language, still marked as not detected', () => {
    const r = recognizer.recognize('Partner Locator');
    expect(r.langDetected).toBe(false);
    expect(r.lang).toBe('en');
  });
});

describe('language detector memory of words', () => {
  it('gives exactly the same evidence for words it has seen as on first sight', () => {
    const corpus = { fr: ['bonjour le contrat arrive à échéance', 'période de grâce après la date'], en: ['hello the contract is expiring', 'grace period after the date'] };
    const texts = ['la période de grâce', 'the grace period', 'contrat expiring bonjour', 'zzz qqq', 'échéance du contrat ?'];
    const firstSight = texts.map((t) => new LanguageDetector(corpus).detect(t));
    const seen = new LanguageDetector(corpus);
    for (const t of texts) seen.detect(t);
    expect(texts.map((t) => seen.detect(t))).toEqual(firstSight);
  });
});
