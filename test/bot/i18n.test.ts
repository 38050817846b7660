import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createTranslator, plainPlaceholders, readLocaleResources, remembering } from '../../bot/i18n.js';

function counting(resources: Record<string, unknown>, options: { plurals?: boolean; maxKeys?: number } = {}) {
  const instance = i18next.createInstance();
  void instance.init({ initAsync: false, lng: 'en', resources: { en: { translation: resources } }, interpolation: { escapeValue: false } });
  let calls = 0;
  const fixed = instance.getFixedT('en');
  const plurals = options.plurals ? { rules: new Intl.PluralRules('en'), resource: (key: string) => instance.getResource('en', 'translation', key) } : undefined;
  const t = remembering(new Proxy(fixed, { apply(target, thisArg, args: unknown[]) { calls += 1; return Reflect.apply(target, thisArg, args); } }), options.maxKeys ?? 3, plurals);
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

  it('looks a plain key or a plain template up once, and every other call each time', () => {
    const { t, calls } = counting({ hello: 'Hello', name: 'Hi {{who}}', items: '{{count}} item', items_other: '{{count}} items', words: ['yes', 'yep'] });
    expect([t('hello'), t('hello'), t('hello')]).toEqual(['Hello', 'Hello', 'Hello']);
    expect(calls()).toBe(1);
    expect(t('name', { who: 'Ann' })).toBe('Hi Ann');
    expect(t('name', { who: 'Bob' })).toBe('Hi Bob');
    expect(calls()).toBe(2);
    // A variable the template does not name is ignored, as i18next does; i18next's own options
    // (lng) and plurals without the locale's plural rules go through i18next.
    expect(t('name', { who: 'Ann', other: 'x' })).toBe('Hi Ann');
    expect(calls()).toBe(2);
    expect(t('items', { count: 2 })).toBe('2 items');
    expect(t('name', { who: 'Ann', lng: 'en' })).toBe('Hi Ann');
    expect(calls()).toBe(4);
  });

  it('picks a plural form as i18next does (key_zero for 0, key_<form>, then key) and reads each form once', () => {
    const resources = { items_one: '{{count}} item in {{box}}', items_other: '{{count}} items in {{box}}', items_zero: 'no item', bare: '{{count}} thing(s)', nested: { x_one: 'one', x_other: 'other' }, odd_one: '$t(bare)' };
    const { t, calls } = counting(resources, { plurals: true, maxKeys: 100 });
    expect([0, 1, 2, 1, 2, 0, 1.5].map((count) => t('items', { count, box: 'A' }))).toEqual(['no item', '1 item in A', '2 items in A', '1 item in A', '2 items in A', 'no item', '1.5 items in A']);
    expect(t('bare', { count: 3 })).toBe('3 thing(s)');
    expect(calls()).toBe(0);
    // A missing key, a key holding an object and a nesting template are answered by i18next.
    const raw = i18next.createInstance();
    void raw.init({ initAsync: false, lng: 'en', resources: { en: { translation: resources } }, interpolation: { escapeValue: false } });
    for (const key of ['missing', 'nested', 'odd']) expect(t(key, { count: 1 }), key).toBe(raw.t(key, { count: 1 }));
    expect(calls()).toBe(3);
  });

  it('answers every plural key of both locale files as i18next does, for counts of every form', () => {
    const resources = readLocaleResources();
    const translator = createTranslator(resources);
    const counts = [0, 1, 2, 3, 5, 11, 21, 100, 1.5, -1, 1e6, 2e6];
    let checked = 0;
    for (const lang of ['fr', 'en'] as const) {
      const raw = i18next.createInstance();
      void raw.init({ initAsync: false, resources: { [lang]: { translation: resources[lang] } }, fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
      const plain = raw.getFixedT(lang);
      const fast = translator.forLang(lang);
      const bases = new Set(flatten(resources[lang]).map(([key]) => /^(.*)_(zero|one|two|few|many|other)$/.exec(key)?.[1]).filter((key) => key !== undefined));
      for (const key of bases) {
        for (const count of counts) {
          const vars = { count, renewalId: 'RNW-1', from: 'a', to: 'b', name: 'n', version: 'v', extra: '$&' };
          expect(fast(key, vars), `${lang} ${key} ${count}`).toBe(plain(key, vars));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('interpolates every string of both locale files exactly as i18next does, hostile values included', () => {
    const resources = readLocaleResources();
    const values = ['RNW-20481137', 'x$&y$1 $$', '{{renewalId}}', '$t(welcome)', '', '<b>&amp;</b>', 'é ü 😀', 0, -3.5, 1e21];
    let checked = 0;
    for (const lang of ['fr', 'en'] as const) {
      const raw = i18next.createInstance();
      void raw.init({ initAsync: false, resources: { [lang]: { translation: resources[lang] } }, fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
      const plain = raw.getFixedT(lang);
      const fast = remembering(raw.getFixedT(lang));
      for (const [key, template] of flatten(resources[lang])) {
        const names = plainPlaceholders(template);
        if (!names || names.size === 0) continue;
        values.forEach((_, shift) => {
          const vars = Object.fromEntries([...names].map((name, i) => [name, values[(i + shift) % values.length] ?? '']));
          expect(fast(key, vars), `${lang} ${key}`).toBe(plain(key, vars));
          // One name left out: i18next leaves its placeholder as it is.
          const [, ...rest] = [...names];
          const fewer = Object.fromEntries(rest.map((name) => [name, 'v']));
          expect(fast(key, fewer), `${lang} ${key} without a name`).toBe(plain(key, fewer));
          checked += 1;
        });
      }
    }
    expect(checked).toBeGreaterThan(100);
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

/** Every string of a locale file, with its dotted key (plural forms included). */
function flatten(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return [];
  return Object.entries(tree).flatMap(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key));
}
