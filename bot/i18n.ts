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
  const fixed = new Map(LANGS.map((lang) => {
    const plurals: PluralLookup = { rules: new Intl.PluralRules(lang), resource: (key) => instance.getResource(lang, 'translation', key) };
    return [lang, remembering(instance.getFixedT(lang), 5000, plurals)] as const;
  }));
  return {
    forLang: (lang) => fixed.get(lang) ?? instance.getFixedT(lang),
  };
}

/**
 * What a plural call (`{ count }`) needs to pick its key as i18next does: the language's plural
 * rules (i18next asks Intl.PluralRules too) and the raw strings of the locale file.
 */
export interface PluralLookup {
  rules: Intl.PluralRules;
  /** The locale file's value at a dotted key (a string, an object, or undefined when missing). */
  resource: (key: string) => unknown;
}

/**
 * i18next's fixed translator copies all its options on every call; a turn asks for a dozen
 * strings. The locale files do not change while the bot runs, so a plain `t(key)` (no options:
 * no interpolation, no plural, no objects) is looked up once per key; other calls go through.
 * The number of entries is bounded by the keys the code asks for (a template literal such as
 * `feedback.${answer}` included), with a cap in case a caller builds keys from input.
 */
export function remembering(t: Translate, maxKeys = 5000, plurals?: PluralLookup): Translate {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  /** Per key: the template's placeholder names when it is a plain one (see {@link plainPlaceholders}), else null. */
  const placeholders = new Map<string, ReadonlySet<string> | null>();
  /** Per plural key, per plural form ('zero' for a count of 0): its plain template, or null when i18next must answer. */
  const pluralForms = new Map<string, Map<string, string | null>>();
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
      // Plain interpolation (most calls with options: `{ renewalId }`): the template is read once,
      // and its {{names}} replaced as i18next would, without its option copying and lookups.
      if (args.length === 2 && isPlainValues(options)) {
        let names = placeholders.get(key);
        const template = strings.get(key) ?? Reflect.apply(target, thisArg, [key]);
        if (names === undefined && typeof template === 'string' && placeholders.size < maxKeys) {
          names = template === key ? null : plainPlaceholders(template);
          placeholders.set(key, names);
          if (strings.size < maxKeys) strings.set(key, template);
        }
        if (names && typeof template === 'string') return interpolate(template, options);
        return Reflect.apply(target, thisArg, args);
      }
      // A plural (`{ count, …values }`, a status line's days, a product's licences): the key i18next
      // would use (`key_zero` for 0, `key_<plural form>`, then `key`) is picked the same way, and
      // its plain template filled in; anything else (a missing key, an object) goes through.
      if (args.length === 2 && plurals && isPluralValues(options)) {
        const { count } = options;
        const form = count === 0 ? 'zero' : plurals.rules.select(count);
        let forms = pluralForms.get(key);
        if (forms === undefined && pluralForms.size < maxKeys) pluralForms.set(key, (forms = new Map()));
        let template = forms?.get(form);
        if (template === undefined) {
          const found = pluralTemplate(plurals, key, count);
          template = found !== undefined && plainPlaceholders(found) ? found : null;
          forms?.set(form, template);
        }
        if (template !== null) return interpolate(template, options);
        return Reflect.apply(target, thisArg, args);
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

/** i18next's own options: a call that passes one of them goes through i18next. */
const I18NEXT_OPTIONS = new Set([
  'count', 'context', 'ordinal', 'defaultValue', 'lng', 'lngs', 'fallbackLng', 'ns', 'keyPrefix', 'nsSeparator', 'keySeparator',
  'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'replace', 'skipInterpolation', 'missingInterpolationHandler',
]);
const PLACEHOLDER = /\{\{(.+?)\}\}/g;
const PLAIN_NAME = /^\s*[A-Za-z_$][\w$]*\s*$/;

/** Variables that are all strings or numbers, none of them an i18next option. */
function isPlainValues(options: unknown): options is Record<string, string | number> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return false;
  for (const [name, value] of Object.entries(options)) {
    if (I18NEXT_OPTIONS.has(name) || name.startsWith('defaultValue')) return false;
    if (typeof value !== 'string' && typeof value !== 'number') return false;
  }
  return true;
}

/** A plural call: a number `count`, the other variables plain. */
function isPluralValues(options: unknown): options is Record<string, string | number> & { count: number } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return false;
  const { count, ...values } = options as Record<string, unknown>;
  return typeof count === 'number' && isPlainValues(values);
}

/**
 * The string i18next picks for `count` (default plural separator `_`, no ordinal, no context):
 * it tries `key_zero` when count is 0, then `key_<form>`, then `key`; the first that holds a
 * string wins. Undefined when what it finds is not a string (an object, nothing).
 */
function pluralTemplate(plurals: PluralLookup, key: string, count: number): string | undefined {
  const candidates = [`${key}_${plurals.rules.select(count)}`, key];
  if (count === 0) candidates.unshift(`${key}_zero`);
  for (const candidate of candidates) {
    const value = plurals.resource(candidate);
    if (value === undefined || value === null) continue;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/**
 * The variable names of a template whose placeholders are all `{{name}}` (no formats, no
 * `{{- unescaped}}`, no dotted paths) and that nests no other key (`$t(`); null otherwise.
 */
export function plainPlaceholders(template: string): ReadonlySet<string> | null {
  if (template.includes('$t(')) return null;
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const inner = match[1] ?? '';
    if (!PLAIN_NAME.test(inner)) return null;
    names.add(inner.trim());
  }
  return names;
}

/** What i18next (escapeValue false) makes of a plain template: each known name replaced once, values never read again. */
function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim();
    return Object.hasOwn(values, name) ? String(values[name]) : whole;
  });
}
