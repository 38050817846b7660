import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../bot/app.js';

const { recognizer } = createUnderstanding();
const intentOf = (text: string) => recognizer.recognize(text).intent;

describe('the recognizer', () => {
  it('understands French without accents and with typos', () => {
    expect(intentOf('y a til une periode de grace si je renouvelle en retard')).toBe('grace-period');
    expect(intentOf('ou trouver mon identifiant de renouvelement')).toBe('renewal-id');
  });

  it('understands English with typos and no capitals', () => {
    expect(intentOf('wat happens if we dont renew the maintenence')).toBe('if-not-renewed');
    expect(intentOf('where is my renewl id')).toBe('renewal-id');
  });

  it('answers the same intent for the same question in both languages', () => {
    expect(intentOf('Can I pay for the renewal in several instalments?')).toBe('installments');
    expect(intentOf('Puis-je payer le renouvellement en plusieurs fois ?')).toBe('installments');
  });

  it('declines questions outside its subject instead of guessing', () => {
    expect(intentOf('how do I renew my driving licence')).toBe('none');
    expect(intentOf('quelle est la météo à Marseille demain')).toBe('none');
    expect(intentOf('my laptop shows a blue screen after the update')).toBe('none');
  });

  it('answers none for messages with no words', () => {
    for (const text of ['', '   ', '🙂🙂', '?!', '\u0000\u0001\u0002']) expect(intentOf(text)).toBe('none');
  });

  it('treats a greeting inside a question as a question', () => {
    expect(intentOf('bonjour, est-ce qu il existe une periode de grace ?')).toBe('grace-period');
    expect(intentOf('bonjour')).toBe('greeting');
  });

  it('recognizes a button label exactly, with full confidence', () => {
    const result = recognizer.recognize('Is there a grace period?');
    expect(result).toMatchObject({ intent: 'grace-period', score: 1 });
  });

  it('reads only the start of a very long message and stays fast', () => {
    const result = recognizer.recognize(`is there a grace period ${'blah '.repeat(2000)}`);
    expect(result.intent).not.toBe('greeting');
  });

  it('offers the closest candidates, best first, with scores between 0 and 1', () => {
    const { candidates } = recognizer.recognize('what is a maintenance contract');
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates[0]?.intent).toBe('what-is-maintenance');
    for (const c of candidates) expect(c.score).toBeGreaterThanOrEqual(0);
    for (const c of candidates) expect(c.score).toBeLessThanOrEqual(1);
    expect([...candidates].sort((a, b) => b.score - a.score)).toEqual(candidates);
  });
});

describe('language detection', () => {
  const langOf = (text: string, fallbackLang?: 'fr' | 'en') => recognizer.recognize(text, { fallbackLang }).lang;

  it('tells short messages apart', () => {
    expect(langOf('merci')).toBe('fr');
    expect(langOf('thanks')).toBe('en');
    expect(langOf('bonjour')).toBe('fr');
    expect(langOf('hi')).toBe('en');
  });

  it('reads French written without accents', () => {
    expect(langOf('ou est mon certificat de licence', 'en')).toBe('fr');
    expect(langOf('quand est ce que mon contrat se termine', 'en')).toBe('fr');
  });

  it('follows the sentence, not the borrowed words, in mixed messages', () => {
    expect(langOf('je veux faire le renewal de mon contract', 'en')).toBe('fr');
    expect(langOf('how do I get the certificat de licence', 'fr')).toBe('en');
  });

  it('uses the fallback only when the message gives no clue', () => {
    expect(langOf('RNW-20481137', 'en')).toBe('en');
    expect(langOf('RNW-20481137', 'fr')).toBe('fr');
    expect(recognizer.recognize('ok', { fallbackLang: 'en' }).langDetected).toBe(false);
  });
});
