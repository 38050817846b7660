import { LANGS, NONE, SMALL_TALK_IDS, type IntentId, type IntentOrNone, type Lang } from '../schema.js';
import { LanguageDetector } from '../language/languageDetector.js';
import { contentWords, termsOf } from '../text/analyzer.js';
import { foldText } from '../text/foldText.js';
import { TypoCorrector } from '../text/typoCorrector.js';
import { IntentIndex } from './intentIndex.js';

/** Label of the out-of-scope examples inside the index. */
const OUT_OF_SCOPE: '~out-of-scope' = '~out-of-scope';
type Label = IntentId | typeof OUT_OF_SCOPE;
/** Only the start of a very long message is read: enough to know what it is about. */
const MAX_CHARS = 600;
const smallTalk: ReadonlySet<string> = new Set(SMALL_TALK_IDS);

export interface RecognizerExamples {
  intents: ReadonlyArray<{ id: IntentId; titles: Record<Lang, string>; phrasings: Record<Lang, readonly string[]>; descriptions?: Record<Lang, readonly string[]> }>;
  /** Messages near the domain that the bot must decline. */
  outOfScope: Record<Lang, readonly string[]>;
  /** Extra texts per language (answers) that teach the language detector. */
  languageCorpus?: Record<Lang, readonly string[]>;
}

export interface RecognizerTuning {
  /** Below this score the answer is `none`. */
  threshold: number;
  /** Candidates whose scores are within this of the best one make the result ambiguous. */
  ambiguityMargin: number;
  /** Share of the score that comes from the intent's centroid rather than its closest phrasing. */
  centroidWeight: number;
  /** Weight of an intent's answer text in its centroid, relative to one phrasing. */
  descriptionWeight: number;
}

export const DEFAULT_TUNING: RecognizerTuning = { threshold: 0.25, ambiguityMargin: 0.03, centroidWeight: 0.5, descriptionWeight: 1 };

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

/**
 * Matches a message against the knowledge base's phrasings in both languages at once (people
 * mix them), after folding accents and case, dropping stop words, merging synonyms, stemming,
 * and correcting typos against the phrasings' vocabulary.
 */
export class Recognizer implements IntentRecognizer {
  private readonly detector: LanguageDetector;
  private readonly indexes: Record<Lang, IntentIndex<Label>>;
  private readonly correctors: Record<Lang, TypoCorrector>;
  private readonly titles = new Map<string, IntentId>();

  constructor(examples: RecognizerExamples, private readonly tuning: RecognizerTuning = DEFAULT_TUNING) {
    const texts = (lang: Lang) => [
      ...examples.intents.flatMap((i) => [i.titles[lang], ...i.phrasings[lang]]),
      ...examples.outOfScope[lang],
    ];
    this.detector = new LanguageDetector({
      fr: [...texts('fr'), ...(examples.languageCorpus?.fr ?? [])],
      en: [...texts('en'), ...(examples.languageCorpus?.en ?? [])],
    });
    const build = (lang: Lang) => {
      const docs: Array<{ label: Label; text: string }> = [
        ...examples.intents.flatMap((i) => [i.titles[lang], ...i.phrasings[lang]].map((p) => ({ label: i.id, text: p }))),
        ...examples.outOfScope[lang].map((p) => ({ label: OUT_OF_SCOPE, text: p })),
      ];
      const words = docs.map((d) => ({ label: d.label, words: contentWords(d.text, lang) }));
      // Answers describe an intent in more words than any question: they widen its centroid.
      const descriptions = examples.intents.flatMap((i) => (i.descriptions?.[lang] ?? []).map((text) => ({
        label: i.id, terms: termsOf(contentWords(text, lang), lang), centroidOnly: this.tuning.descriptionWeight,
      })));
      return {
        index: new IntentIndex<Label>(lang, [...words.map((d) => ({ label: d.label, terms: termsOf(d.words, lang) })), ...descriptions]),
        corrector: new TypoCorrector(words.flatMap((d) => d.words)),
      };
    };
    const fr = build('fr');
    const en = build('en');
    this.indexes = { fr: fr.index, en: en.index };
    this.correctors = { fr: fr.corrector, en: en.corrector };
    for (const intent of examples.intents) {
      for (const lang of LANGS) this.titles.set(foldText(intent.titles[lang]), intent.id);
    }
  }

  recognize(text: string, options: RecognizeOptions = {}): Recognition {
    const sample = text.slice(0, MAX_CHARS);
    const guess = this.detector.detect(sample);
    const lang = guess.lang ?? options.fallbackLang ?? 'fr';
    const base = { lang, langDetected: guess.lang !== undefined };

    const titled = this.titles.get(foldText(sample));
    if (titled) return { ...base, intent: titled, score: 1, candidates: [{ intent: titled, score: 1 }], ambiguous: false };

    const scores = new Map<IntentId, number>();
    let outOfScope = 0;
    for (const searchLang of LANGS) {
      // The message's own language counts fully; the other one still matches mixed messages.
      const weight = guess.lang === undefined || guess.lang === searchLang ? 1 : 0.92;
      const index = this.indexes[searchLang];
      const terms = termsOf(this.wordsFor(sample, searchLang), searchLang);
      for (const { label, similarity, centroid } of index.search(terms)) {
        const c = this.tuning.centroidWeight;
        // "Bonjour, je voudrais savoir…" is a question, not a greeting: small talk counts as
        // much as it makes up the message.
        const smallTalkWeight = smallTalk.has(label) ? index.coverage(label, terms) ** 2 : 1;
        const score = ((1 - c) * similarity + c * centroid) * weight * smallTalkWeight;
        if (label === OUT_OF_SCOPE) outOfScope = Math.max(outOfScope, score);
        else scores.set(label, Math.max(scores.get(label) ?? 0, score));
      }
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1]);
    const candidates: Candidate[] = ranked.slice(0, 3).map(([intent, score]) => ({ intent, score: round(score) }));
    const best = candidates[0];
    if (!best || best.score < this.tuning.threshold || outOfScope >= best.score) {
      return { ...base, intent: NONE, score: round(best?.score ?? 0), candidates, ambiguous: false };
    }
    const close = candidates.filter((c) => best.score - c.score <= this.tuning.ambiguityMargin);
    return { ...base, intent: best.intent, score: best.score, candidates: close.length > 1 ? close : candidates, ambiguous: close.length > 1 };
  }

  /** The message's content words, misspellings corrected to words the language's phrasings use. */
  private wordsFor(text: string, lang: Lang): string[] {
    const other = this.correctors[lang === 'fr' ? 'en' : 'fr'];
    const corrector = this.correctors[lang];
    return contentWords(text, lang).map((w) => (corrector.has(w) || other.has(w) ? w : corrector.correct(w) ?? w));
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
