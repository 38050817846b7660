import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { LANGS, type Lang } from '../knowledge/language/lang.js';
import { fromRoot } from './paths.js';

import type { Translator } from '../dialogs/translation.js';

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
  const fixed = new Map(LANGS.map((lang) => [lang, instance.getFixedT(lang)] as const));
  return {
    forLang: (lang) => fixed.get(lang) ?? instance.getFixedT(lang),
  };
}
