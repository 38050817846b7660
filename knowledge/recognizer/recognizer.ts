import type { IntentId, IntentOrNone, Lang } from '../schema.js';

export interface RecognizerExamples {
  intents: ReadonlyArray<{ id: IntentId; titles: Record<Lang, string>; phrasings: Record<Lang, readonly string[]>; descriptions?: Record<Lang, readonly string[]> }>;
  /** Messages near the domain that the bot must decline. */
  outOfScope: Record<Lang, readonly string[]>;
  /** Extra texts per language (answers) that teach the language detector. */
  languageCorpus?: Record<Lang, readonly string[]>;
}

export interface Candidate {
  intent: IntentId;
  score: number;
}

export interface Recognition {
  intent: IntentOrNone;
  /** 0 to 1: how sure the recognizer is of `intent` (for `none`: of the best in-scope candidate). */
  score: number;
  lang: Lang;
  /** False when the message itself gave no language clue and `lang` came from the fallback. */
  langDetected: boolean;
  /** In-scope intents, best first (at most 3). */
  candidates: Candidate[];
  /** True when the best candidates are too close to pick one: ask the user. */
  ambiguous: boolean;
  /** The three most likely in-scope intents whatever the decision, for studying misses (`npm run classify`). */
  top?: Candidate[];
}

export interface RecognizeOptions {
  /** Language used when the message gives no clue (conversation language, channel locale). */
  fallbackLang?: Lang;
}

/** Understands one message: which intent, how sure, and in which language. No bot types here. */
export interface IntentRecognizer {
  recognize(text: string, options?: RecognizeOptions): Recognition;
}
