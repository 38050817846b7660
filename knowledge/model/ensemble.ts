import { trainLinearSvm } from './linearSvm.js';
import { DEFAULT_TRAINING, trainLogisticRegression, type LinearModel, type TrainingOptions } from './logisticRegression.js';
import type { SparseVector } from './vectorizer.js';

/**
 * The model's weights: logistic regressions trained on `shuffles` orders of the examples, averaged
 * (one order's model moves by a few points from seed to seed), plus `svmWeight` times the margins
 * of one-vs-rest linear SVMs over the same features. Adding scores is averaging the two learners in
 * log-probability space, and both are linear, so the sum is one weight matrix: the ensemble costs
 * nothing more to store or to apply. Chosen by grouped cross-validation (scripts/evaluate.mjs).
 */
export function trainIntentWeights(rows: readonly SparseVector[], labels: readonly number[], classes: number, features: number, options: TrainingOptions = DEFAULT_TRAINING): LinearModel {
  const shuffles = Math.max(1, Math.floor(options.shuffles ?? 1));
  const models = Array.from({ length: shuffles }, (_, s) => trainLogisticRegression(rows, labels, classes, features, { ...options, seed: options.seed + s }));
  const regression = averageModels(models);
  const svmWeight = options.svmWeight ?? 0;
  if (svmWeight === 0 || !options.svm) return regression;
  return addScaled(regression, trainLinearSvm(rows, labels, classes, features, options.svm), svmWeight);
}

/** The model whose weights are the mean of the given models' (all of one shape). */
export function averageModels(models: readonly LinearModel[]): LinearModel {
  const first = models[0];
  if (!first) throw new Error('averageModels needs at least one model');
  const weights = new Float64Array(first.weights.length);
  const bias = new Float64Array(first.bias.length);
  for (const m of models) {
    sameShape(first, m);
    m.weights.forEach((w, i) => { weights[i] = (weights[i] ?? 0) + w / models.length; });
    m.bias.forEach((b, k) => { bias[k] = (bias[k] ?? 0) + b / models.length; });
  }
  return { classes: first.classes, features: first.features, weights: Float32Array.from(weights), bias: Float32Array.from(bias) };
}

/** The model whose scores are a's plus `scale` times b's. */
export function addScaled(a: LinearModel, b: LinearModel, scale: number): LinearModel {
  sameShape(a, b);
  return {
    classes: a.classes,
    features: a.features,
    weights: a.weights.map((w, i) => w + scale * (b.weights[i] ?? 0)),
    bias: a.bias.map((w, k) => w + scale * (b.bias[k] ?? 0)),
  };
}

function sameShape(a: LinearModel, b: LinearModel): void {
  if (a.classes !== b.classes || a.features !== b.features) throw new Error('models of different shapes cannot be combined');
}
