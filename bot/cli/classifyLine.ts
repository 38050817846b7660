import { z } from 'zod';
import type { IntentRecognizer } from '../../knowledge/recognizer/recognizer.js';
import { langOfLocale } from '../../knowledge/language/lang.js';

const inputLine = z.object({ text: z.string(), locale: z.string().optional() });

export type ClassifyOutput =
  | { intent: string; score: number; lang: 'fr' | 'en'; ambiguous: boolean; top: Array<{ intent: string; score: number }> }
  | { error: string };

/**
 * Classifies one JSON Lines input of `npm run classify`; a malformed line gets an error
 * object instead, so the run goes on.
 *
 * @example
 * classifyLine('{"text":"periode de grace ?"}', recognizer)
 * // { intent: 'grace-period', score: 0.97, lang: 'fr', ambiguous: false, top: [{ intent: 'grace-period', score: 0.97 }, …] }
 */
export function classifyLine(line: string, recognizer: IntentRecognizer): ClassifyOutput {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: 'line is not valid JSON' };
  }
  const parsed = inputLine.safeParse(json);
  if (!parsed.success) return { error: 'expected an object {"text": string, "locale"?: string}' };
  const result = recognizer.recognize(parsed.data.text, { fallbackLang: langOfLocale(parsed.data.locale) });
  return { intent: result.intent, score: result.score, lang: result.lang, ambiguous: result.ambiguous, top: result.top ?? result.candidates };
}

