import { DEFAULT_SVM, type SvmOptions } from './linearSvm.js';
import { mulberry32 } from './random.js';
import type { SparseVector } from './vectorizer.js';

export interface TrainingOptions {
  /** Inverse regularization strength, as in scikit-learn (larger: fits the examples more closely). */
  c: number;
  /** Passes over the data; fixed, so training always does the same work. */
  epochs: number;
  /** Seed of the shuffling: the same data and seed give the same weights. */
  seed: number;
  /** Step size of AdaGrad. */
  learningRate: number;
  /**
   * Models trained on this many shufflings (seeds seed, seed + 1, …) and their weights averaged:
   * one shuffling's model moves by a few points from seed to seed, their average much less.
   * @default 1
   */
  shuffles?: number;
  /** A linear SVM trained beside the regression, its margins added to the logits with `svmWeight` (see ensemble.ts). */
  svm?: SvmOptions;
  /** @default 0 (no SVM) */
  svmWeight?: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { c: 20, epochs: 12, seed: 1, learningRate: 0.5, shuffles: 5, svm: DEFAULT_SVM, svmWeight: 3 };

/** Weights of a multinomial logistic regression, feature-major: weights[feature * classes + k]. */
export interface LinearModel {
  classes: number;
  features: number;
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * Trains a multinomial logistic regression (softmax, L2-regularized) with AdaGrad over
 * shuffled examples. Deterministic: a seeded shuffle and a fixed number of epochs.
 */
export function trainLogisticRegression(rows: readonly SparseVector[], labels: readonly number[], classes: number, features: number, options: TrainingOptions = DEFAULT_TRAINING): LinearModel {
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const g2w = new Float32Array(features * classes).fill(1e-8);
  const g2b = new Float32Array(classes).fill(1e-8);
  const n = rows.length;
  // scikit-learn minimizes C·Σloss + ½‖w‖²: per example, the L2 pull is 1 / (C·n).
  const lambda = 1 / (options.c * Math.max(n, 1));
  const random = mulberry32(options.seed);
  const order = Array.from({ length: n }, (_, i) => i);
  const probs = new Float64Array(classes);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (const r of order) {
      const row = rows[r];
      const label = labels[r] ?? 0;
      if (!row) continue;
      scoresInto(weights, bias, classes, row, probs);
      softmaxInPlace(probs);
      for (let k = 0; k < classes; k += 1) {
        const g = (probs[k] ?? 0) - (k === label ? 1 : 0);
        g2b[k] = (g2b[k] ?? 0) + g * g;
        bias[k] = (bias[k] ?? 0) - (options.learningRate * g) / Math.sqrt(g2b[k] ?? 1);
      }
      const { indexes, values } = row;
      for (let p = 0; p < indexes.length; p += 1) {
        const base = (indexes[p] ?? 0) * classes;
        const x = values[p] ?? 0;
        for (let k = 0; k < classes; k += 1) {
          const w = weights[base + k] ?? 0;
          const g = ((probs[k] ?? 0) - (k === label ? 1 : 0)) * x + lambda * w;
          const acc = (g2w[base + k] ?? 0) + g * g;
          g2w[base + k] = acc;
          weights[base + k] = w - (options.learningRate * g) / Math.sqrt(acc);
        }
      }
    }
  }
  return { classes, features, weights, bias };
}

/** Class probabilities of one row (its first `length` entries when it has a length: a scratch row, see Vectorizer.transformInPlace). */
export function predictProbabilities(model: LinearModel, row: SparseVector & { length?: number }, out: Float64Array<ArrayBuffer> = new Float64Array(model.classes)): Float64Array<ArrayBuffer> {
  scoresInto(model.weights, model.bias, model.classes, row, out);
  return softmaxInPlace(out);
}

function scoresInto(weights: Float32Array, bias: Float32Array, classes: number, row: SparseVector & { length?: number }, out: Float64Array<ArrayBuffer>): void {
  for (let k = 0; k < classes; k += 1) out[k] = bias[k] ?? 0;
  const { indexes, values } = row;
  const length = row.length ?? indexes.length;
  for (let p = 0; p < length; p += 1) {
    const base = (indexes[p] ?? 0) * classes;
    const x = values[p] ?? 0;
    for (let k = 0; k < classes; k += 1) out[k] = (out[k] ?? 0) + (weights[base + k] ?? 0) * x;
  }
}

function softmaxInPlace(v: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  let max = -Infinity;
  for (let k = 0; k < v.length; k += 1) if ((v[k] ?? 0) > max) max = v[k] ?? 0;
  let sum = 0;
  for (let k = 0; k < v.length; k += 1) {
    const e = Math.exp((v[k] ?? 0) - max);
    v[k] = e;
    sum += e;
  }
  for (let k = 0; k < v.length; k += 1) v[k] = (v[k] ?? 0) / sum;
  return v;
}
