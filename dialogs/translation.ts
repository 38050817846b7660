import type { TFunction } from 'i18next';
import type { Lang } from '../knowledge/language/lang.js';

/**
 * What the dialogs need to speak: localized strings for one language. Declared here, below the
 * process layer, and implemented by bot/i18n.ts (i18next over locales/), which the wiring
 * hands in.
 */
export type Translate = TFunction;

export interface Translator {
  forLang(lang: Lang): Translate;
}
