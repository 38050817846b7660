import type { Lang } from '../knowledge/language/lang.js';
import { foldWords } from '../knowledge/text/foldText.js';

const NAMES: Record<string, Lang> = {
  french: 'fr', francais: 'fr', fr: 'fr', francaise: 'fr',
  english: 'en', anglais: 'en', en: 'en', anglaise: 'en',
};
/** Words that announce the language wanted: "switch to English", "passe en français". */
const TOWARDS = new Set(['to', 'in', 'into', 'en', 'vers', 'au', 'a']);

/**
 * The language a "change language" message asks for. When it names one language, that one;
 * when it names both ("from English to French"), the one after "to"/"en"; when it names none
 * ("switch language"), the other one.
 *
 * @example
 * targetLanguage('can you answer in english please', 'fr') // 'en'
 */
export function targetLanguage(text: string, current: Lang): Lang {
  const words = foldWords(text);
  const mentions: Array<{ lang: Lang; towards: boolean }> = [];
  words.forEach((word, i) => {
    const lang = NAMES[word];
    // "en" alone is a preposition in French: it names a language only as "en"-glish/"EN" at the end.
    if (!lang || (word === 'en' && i < words.length - 1)) return;
    mentions.push({ lang, towards: TOWARDS.has(words[i - 1] ?? '') });
  });
  const distinct = new Set(mentions.map((m) => m.lang));
  if (distinct.size === 1) return mentions[0]?.lang ?? other(current);
  const towards = mentions.filter((m) => m.towards);
  return towards[towards.length - 1]?.lang ?? other(current);
}

const other = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');
