import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createTranslator, remembering } from '../../bot/i18n.js';

function counting(resources: Record<string, unknown>) {
  const instance = i18next.createInstance();
  void instance.init({ initAsync: false, lng: 'en', resources: { en: { translation: resources } }, interpolation: { escapeValue: false } });
  let calls = 0;
  const fixed = instance.getFixedT('en');
  const t = remembering(new Proxy(fixed, { apply(target, thisArg, args: unknown[]) { calls += 1; return Reflect.apply(target, thisArg, args); } }), 3);
  return { t, calls: () => calls };
}

describe('remembering translator', () => {
  it('answers as i18next does, for plain keys, interpolations and word lists, in both languages', () => {
    // The locale files' own strings: a remembered answer is the one i18next gave.
    const translator = createTranslator();
    for (const lang of ['fr', 'en'] as const) {
      const t = translator.forLang(lang);
      const first = t('feedback.thanks');
      expect(typeof first).toBe('string');
      expect(first).not.toBe('feedback.thanks');
      expect(t('feedback.thanks')).toBe(first);
      expect(Array.isArray(t('feedback.answers.yes', { returnObjects: true }))).toBe(true);
    }
  });

  it('looks a plain key up once, and every other call each time', () => {
    const { t, calls } = counting({ hello: 'Hello', name: 'Hi {{who}}', words: ['yes', 'yep'] });
    expect([t('hello'), t('hello'), t('hello')]).toEqual(['Hello', 'Hello', 'Hello']);
    expect(calls()).toBe(1);
    expect(t('name', { who: 'Ann' })).toBe('Hi Ann');
    expect(t('name', { who: 'Bob' })).toBe('Hi Bob');
    expect(calls()).toBe(3);
  });

  it('hands out a fresh copy of a word list: a caller changing it changes nothing for the next', () => {
    const { t, calls } = counting({ words: ['yes', 'yep'] });
    const first: unknown = t('words', { returnObjects: true });
    expect(first).toEqual(['yes', 'yep']);
    if (Array.isArray(first)) first.push('changed');
    expect(t('words', { returnObjects: true })).toEqual(['yes', 'yep']);
    expect(calls()).toBe(1);
  });

  it('remembers at most its cap of keys; the others are still answered', () => {
    const { t, calls } = counting({ a: 'A', b: 'B', c: 'C', d: 'D' });
    for (const key of ['a', 'b', 'c', 'd', 'd', 'd']) t(key);
    expect(calls()).toBe(6);
    expect(t('d')).toBe('D');
    t('a');
    expect(calls()).toBe(7);
  });
});
