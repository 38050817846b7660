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

/**
 * The labels of one text ranked without an object per label: `order` holds label indexes, most
 * probable first (equal probabilities in label order, as a stable sort gives them), and
 * `probabilities` each label's probability by index. Fresh arrays per call, so two rankings can be compared.
 */
export interface Ranking {
  order: Uint16Array;
  probabilities: Float64Array;
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
    const { order, probabilities } = this.rankFolded(folded);
    return Array.from(order, (k) => ({ label: this.labels[k] ?? '', probability: probabilities[k] ?? 0 }));
  }

  /** The ranking classifyFolded gives, as two small typed arrays (what the recognizer reads on every message). */
  rankFolded(folded: string): Ranking {
    const probabilities = Float64Array.from(predictProbabilities(this.linear, this.vectorizer.transformInPlace(folded), this.scratch));
    const order = new Uint16Array(probabilities.length);
    // Insertion sort of 38 labels: stable (a label moves only past less probable ones), no comparator calls.
    for (let i = 0; i < order.length; i += 1) {
      const p = probabilities[i] ?? 0;
      let j = i;
      for (; j > 0 && (probabilities[order[j - 1] ?? 0] ?? 0) < p; j -= 1) order[j] = order[j - 1] ?? 0;
      order[j] = i;
    }
    return { order, probabilities };
  }

  /** The model's numbers as they are, for the binary model file (modelFile.ts). */
  parts(): IntentModelParts {
    return { fingerprint: this.fingerprint, labels: [...this.labels], features: [...this.vectorizer.features], idf: this.vectorizer.idf, weights: this.linear.weights, bias: this.linear.bias };
  }

  static fromParts(parts: IntentModelParts): IntentModel {
    const { idf, weights, bias } = parts;
    const classes = parts.labels.length;
    const features = parts.features.length;
    if (idf.length !== features || bias.length !== classes || weights.length !== features * classes) {
      throw new Error('model file is inconsistent: sizes of features, labels and weights do not match');
    }
    return new IntentModel(parts.labels, new Vectorizer(parts.features, idf), { classes, features, weights, bias }, parts.fingerprint);
  }
}

/** A model's labels, features and numbers (float32), without any encoding. */
export interface IntentModelParts {
  /** Fingerprint of the training data the model was learnt from. */
  fingerprint: string;
  labels: string[];
  features: string[];
  idf: Float32Array;
  weights: Float32Array;
  bias: Float32Array;
}
