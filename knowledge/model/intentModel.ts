import type { Lang } from '../language/lang.js';
import { foldForModel } from './features.js';
import { trainIntentWeights } from './ensemble.js';
import { DEFAULT_TRAINING, predictProbabilities, type LinearModel, type TrainingOptions } from './logisticRegression.js';
import { Vectorizer } from './vectorizer.js';

/** One labelled training text. */
export interface TrainingExample {
  label: string;
  text: string;
  /** The language it is written in (the model does not use it; evaluation does). */
  lang?: Lang;
}

export interface LabelProbability {
  label: string;
  probability: number;
}

/** What a model file holds; weights as base64 of little-endian float32. */
export interface SerializedIntentModel {
  format: 1;
  /** Fingerprint of the training data the model was learnt from. */
  fingerprint: string;
  labels: string[];
  features: string[];
  idf: string;
  weights: string;
  bias: string;
}

/**
 * A trained intent classifier: TF-IDF features of the folded text and one linear model over the
 * labels (the intents and the out-of-scope class): averaged logistic regressions plus linear SVM
 * margins (ensemble.ts), read as probabilities through a softmax.
 */
export class IntentModel {
  private readonly scratch: Float64Array<ArrayBuffer>;

  constructor(readonly labels: readonly string[], private readonly vectorizer: Vectorizer, private readonly linear: LinearModel, readonly fingerprint: string) {
    this.scratch = new Float64Array(labels.length);
  }

  static train(examples: readonly TrainingExample[], fingerprint: string, options: TrainingOptions = DEFAULT_TRAINING): IntentModel {
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const folded = examples.map((e) => foldForModel(e.text));
    const vectorizer = Vectorizer.fit(folded);
    const rows = folded.map((t) => vectorizer.transform(t));
    const y = examples.map((e) => labels.indexOf(e.label));
    const linear = trainIntentWeights(rows, y, labels.length, vectorizer.size, options);
    return new IntentModel(labels, vectorizer, linear, fingerprint);
  }

  /** Every label with its probability, most probable first. */
  classify(text: string): LabelProbability[] {
    return this.classifyFolded(foldForModel(text));
  }

  /** Same as classify, for a text already folded with foldForModel. */
  classifyFolded(folded: string): LabelProbability[] {
    const probs = predictProbabilities(this.linear, this.vectorizer.transform(folded), this.scratch);
    return this.labels.map((label, k) => ({ label, probability: probs[k] ?? 0 })).sort((a, b) => b.probability - a.probability);
  }

  serialize(): SerializedIntentModel {
    return {
      format: 1,
      fingerprint: this.fingerprint,
      labels: [...this.labels],
      features: [...this.vectorizer.features],
      idf: toBase64(this.vectorizer.idf),
      weights: toBase64(this.linear.weights),
      bias: toBase64(this.linear.bias),
    };
  }

  static deserialize(data: SerializedIntentModel): IntentModel {
    const idf = fromBase64(data.idf);
    const weights = fromBase64(data.weights);
    const bias = fromBase64(data.bias);
    const classes = data.labels.length;
    const features = data.features.length;
    if (idf.length !== features || bias.length !== classes || weights.length !== features * classes) {
      throw new Error('model file is inconsistent: sizes of features, labels and weights do not match');
    }
    return new IntentModel(data.labels, new Vectorizer(data.features, idf), { classes, features, weights, bias }, data.fingerprint);
  }
}

function toBase64(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function fromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Float32Array(copy.buffer, 0, Math.floor(copy.length / 4));
}
