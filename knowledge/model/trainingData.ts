import { createHash } from 'node:crypto';
import { LANGS } from '../schema.js';
import type { RecognizerExamples } from '../recognizer/recognizer.js';
import type { TrainingExample } from './intentModel.js';
import { DEFAULT_TRAINING, type TrainingOptions } from './logisticRegression.js';

/** The label of the out-of-scope examples: one more class the model can pick. */
export const OUT_OF_SCOPE_LABEL = '~out-of-scope';

/** Bumped when features or training change in a way the fingerprint of the data cannot see. */
const MODEL_VERSION = 4;

/** The model's training texts: every intent's titles and phrasings in both languages, and the out-of-scope examples. */
export function trainingExamples(examples: RecognizerExamples): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const intent of examples.intents) {
    for (const lang of LANGS) {
      out.push({ label: intent.id, text: intent.titles[lang], lang });
      for (const text of intent.phrasings[lang]) out.push({ label: intent.id, text, lang });
    }
  }
  for (const lang of LANGS) for (const text of examples.outOfScope[lang]) out.push({ label: OUT_OF_SCOPE_LABEL, text, lang });
  return out;
}

/** Identifies a training run: same examples, same options, same code version, same fingerprint. */
export function fingerprintOf(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): string {
  return createHash('sha256').update(JSON.stringify({ version: MODEL_VERSION, options, examples })).digest('hex');
}
