import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { LANGS, type Lang } from '../knowledge/language/lang.js';
import { fromRoot } from './paths.js';

import type { Translate, Translator } from '../dialogs/translation.js';

export type { Translate, Translator } from '../dialogs/translation.js';

type Resources = Record<string, unknown>;

/** Reads locales/<lang>/translation.json for both languages. */
export function readLocaleResources(root = fromRoot('locales')): Record<Lang, Resources> {
  const read = (lang: Lang): Resources => JSON.parse(readFileSync(`${root}/${lang}/translation.json`, 'utf8'));
  return { fr: read('fr'), en: read('en') };
}

/** Creates an isolated i18next instance (no global state shared between bots or tests). */
export function createTranslator(resources = readLocaleResources()): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: { fr: { translation: resources.fr }, en: { translation: resources.en } },
    supportedLngs: [...LANGS],
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = new Map(LANGS.map((lang) => [lang, remembering(instance.getFixedT(lang))] as const));
  return {
    forLang: (lang) => fixed.get(lang) ?? instance.getFixedT(lang),
  };
}

/**
 * i18next's fixed translator copies all its options on every call; a turn asks for a dozen
 * strings. The locale files do not change while the bot runs, so a plain `t(key)` (no options:
 * no interpolation, no plural, no objects) is looked up once per key; other calls go through.
 * The number of entries is bounded by the keys the code asks for (a template literal such as
 * `feedback.${answer}` included), with a cap in case a caller builds keys from input.
 */
export function remembering(t: Translate, maxKeys = 5000): Translate {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  return new Proxy(t, {
    apply(target, thisArg, args: unknown[]) {
      const [key, options] = args;
      if (typeof key !== 'string') return Reflect.apply(target, thisArg, args);
      if (args.length === 1) {
        const hit = strings.get(key);
        if (hit !== undefined) return hit;
        const value: unknown = Reflect.apply(target, thisArg, args);
        if (typeof value === 'string' && strings.size < maxKeys) strings.set(key, value);
        return value;
      }
      // A word list (`{ returnObjects: true }`): a fresh copy each time, callers may change it.
      if (args.length === 2 && isOnlyReturnObjects(options)) {
        const hit = lists.get(key);
        if (hit !== undefined) return [...hit];
        const value: unknown = Reflect.apply(target, thisArg, args);
        if (isStringList(value) && lists.size < maxKeys) lists.set(key, [...value]);
        return value;
      }
      return Reflect.apply(target, thisArg, args);
    },
  });
}

function isOnlyReturnObjects(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false;
  const keys = Object.keys(options);
  return keys.length === 1 && 'returnObjects' in options && options.returnObjects === true;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
