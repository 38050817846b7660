import { LANGS, NONE, isIntentId, type IntentId, type Lang } from '../schema.js';
import { LanguageDetector } from '../language/languageDetector.js';
import { foldText } from '../text/foldText.js';
import { foldForModel, hasRenewalId } from '../model/features.js';
import type { IntentModel, Ranking } from '../model/intentModel.js';
import { messageBody, withoutSmallTalk } from '../text/messageSegments.js';
import type { Candidate, IntentRecognizer, Recognition, RecognizeOptions, RecognizerExamples } from './recognizer.js';

/** Only the start of a very long message is read: enough to know what it is about. */
const MAX_CHARS = 600;

export interface CalibratedTuning {
  /**
   * Below this, the two best intents' probabilities together, the answer is `none` (chosen by
   * grouped cross-validation, see scripts/evaluate.mjs).
   */
  threshold: number;
  /** The bot asks "A or B?" when the runner-up's probability is within this of the best one's. */
  ambiguityMargin: number;
}

/** Small talk: a greeting, a thanks or a goodbye, which a message may hold beside its question. */
const SMALL_TALK: ReadonlySet<string> = new Set(['greeting', 'thanks', 'goodbye']);

/** The threshold for check-status or start-renewal when the message carries a renewal-ID-looking number. */
const OWN_CONTRACT_THRESHOLD = 0.25;

/**
 * Chosen by grouped cross-validation (`npm run eval:model`, sixth round's data, groups of near-copies
 * not chained): the pair of lowest cost among those with at most 2 % of in-scope phrasings answered
 * with another topic and at least 92 % of out-of-scope ones declined. On the final data (npm run
 * bench) it answers 88.3 % right, 1.9 % wrong, asks "A or B?" for 6.4 % and declines 92.8 % of
 * out-of-scope phrasings; round five's 0.8 / 0.5 gave 2.5 % wrong on the same folds.
 */
export const CALIBRATED_TUNING: CalibratedTuning = { threshold: 0.75, ambiguityMargin: 0.7 };

/**
 * What the bot does with the best two in-scope probabilities (the out-of-scope class having lost):
 * `none` when even together they are under the threshold, "A or B?" when the best does not lead
 * by the margin, otherwise the best is the answer. Two intents that share the probability between
 * them ("adding licences at renewal": plan needs or additional licences) give a question, not
 * "I don't understand".
 */
export function decide(best: number, second: number, tuning: CalibratedTuning = CALIBRATED_TUNING, threshold = tuning.threshold): 'answer' | 'ask' | 'none' {
  if (best + second < threshold) return 'none';
  return best - second < tuning.ambiguityMargin ? 'ask' : 'answer';
}

/**
 * Understands a message with a trained model (logistic regression over word and character
 * n-grams, learnt from the knowledge base's phrasings and out-of-scope examples), and says
 * "none" rather than guess when the model is unsure or the out-of-scope class wins.
 */
export class TrainedRecognizer implements IntentRecognizer {
  private readonly detector: LanguageDetector;
  private readonly titles = new Map<string, IntentId>();

  constructor(examples: RecognizerExamples, private readonly model: IntentModel, private readonly tuning: CalibratedTuning = CALIBRATED_TUNING) {
    const texts = (lang: Lang) => [
      ...examples.intents.flatMap((i) => [i.titles[lang], ...i.phrasings[lang]]),
      ...examples.outOfScope[lang],
      ...(examples.languageCorpus?.[lang] ?? []),
    ];
    this.detector = new LanguageDetector({ fr: texts('fr'), en: texts('en') });
    for (const intent of examples.intents) {
      for (const lang of LANGS) this.titles.set(foldText(intent.titles[lang]), intent.id);
    }
  }

  recognize(text: string, options: RecognizeOptions = {}): Recognition {
    const sample = text.slice(0, MAX_CHARS);
    const guess = this.detector.detect(sample);
    // Without a confident guess, the caller's language (the conversation's); without one, the weak guess.
    const weak: Lang = guess.evidence < 0 ? 'en' : 'fr';
    const base = { lang: guess.lang ?? options.fallbackLang ?? weak, langDetected: guess.lang !== undefined };

    const titled = this.titles.get(foldText(sample));
    if (titled) return { ...base, intent: titled, score: 1, candidates: [{ intent: titled, score: 1 }], ambiguous: false, top: [{ intent: titled, score: 1 }] };
    if (foldText(sample) === '') return { ...base, intent: NONE, score: 0, candidates: [], ambiguous: false, top: [] };

    // Greeting and sign-off dropped: they pull long e-mails towards small talk.
    let folded = foldForModel(messageBody(sample));
    let ranked = this.model.rankFolded(folded);
    // "hello, is my contract RNW-1234 renewed?", "délai de grâce ? merci beaucoup": the greeting or
    // thanks must not win over the question beside it. When small talk wins, the message without its
    // opening greeting or thanks and closing thanks or goodbye is read alone; it wins when it is about
    // something else, and more surely than the whole message is small talk ("bonsoir, il y a
    // quelqu'un ?" stays a greeting: 1.0 against talk-to-agent 0.6 for the rest).
    const smallTalk = SMALL_TALK.has(this.labelAt(ranked, 0) ?? '');
    const rest = smallTalk ? withoutSmallTalk(sample) : undefined;
    if (smallTalk && rest !== undefined) {
      const restFolded = foldForModel(rest);
      const restRanked = this.model.rankFolded(restFolded);
      const restTop = this.labelAt(restRanked, 0) ?? '';
      if (isIntentId(restTop) && !SMALL_TALK.has(restTop) && probabilityAt(restRanked, 0) > probabilityAt(ranked, 0)) {
        folded = restFolded;
        ranked = restRanked;
      }
    }
    const hasId = hasRenewalId(folded);
    const candidates = this.bestCandidates(ranked, hasId);
    const best = candidates[0];
    const topLabel = this.labelAt(ranked, 0);
    // A renewal-ID-looking number is itself evidence that the message is about that contract.
    const aboutOwnContract = hasId && (best?.intent === 'check-status' || best?.intent === 'start-renewal');
    const threshold = aboutOwnContract ? Math.min(this.tuning.threshold, OWN_CONTRACT_THRESHOLD) : this.tuning.threshold;
    const decision = best && isIntentId(topLabel ?? '') ? decide(best.score, candidates[1]?.score ?? 0, this.tuning, threshold) : 'none';
    if (!best || decision === 'none') {
      return { ...base, intent: NONE, score: round(best?.score ?? 0), candidates, ambiguous: false, top: candidates };
    }
    // "A or B?": the two best are offered.
    const ambiguous = decision === 'ask';
    return { ...base, intent: best.intent, score: best.score, candidates: ambiguous ? candidates.slice(0, 2) : candidates, ambiguous, top: candidates };
  }

  private labelAt(ranking: Ranking, rank: number): string | undefined {
    const k = ranking.order[rank];
    return k === undefined ? undefined : this.model.labels[k];
  }

  /**
   * The three best in-scope intents, scores rounded, after the renewal-ID rule. Only the first
   * few labels are made into candidates: when the rule cannot apply, the three best in-scope
   * ones are the answer; when it may, every in-scope label is ranked as the rule needs.
   */
  private bestCandidates(ranking: Ranking, hasId: boolean): Candidate[] {
    const inScope: Candidate[] = [];
    for (let rank = 0; rank < ranking.order.length && (hasId || inScope.length < 3); rank += 1) {
      const label = this.labelAt(ranking, rank) ?? '';
      if (isIntentId(label)) inScope.push({ intent: label, score: probabilityAt(ranking, rank) });
    }
    const ranked = hasId ? withRenewalIdRule(inScope, hasId).slice(0, 3) : inScope;
    for (const c of ranked) c.score = round(c.score);
    return ranked;
  }
}

const probabilityAt = (ranking: Ranking, rank: number): number => ranking.probabilities[ranking.order[rank] ?? 0] ?? 0;

/**
 * A message that carries a renewal-ID-looking number asks about that contract (its status, or
 * renewing it), not what a renewal ID is: `renewal-id` gives its place to the better of
 * `check-status` and `start-renewal`.
 */
export function withRenewalIdRule(ranked: readonly Candidate[], hasId: boolean): Candidate[] {
  if (!hasId || ranked[0]?.intent !== 'renewal-id') return [...ranked];
  const own = ranked.find((c) => c.intent === 'check-status' || c.intent === 'start-renewal');
  if (!own) return [...ranked];
  const first = ranked[0];
  return [{ intent: own.intent, score: first.score }, ...ranked.filter((c) => c !== own && c !== first), { intent: first.intent, score: own.score }]
    .sort((a, b) => b.score - a.score);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
