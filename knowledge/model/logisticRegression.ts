import type { SparseVector } from './vectorizer.js';

export interface TrainingOptions {
  /** Inverse regularization strength, as in scikit-learn (larger: fits the examples more closely). */
  c: number;
  /**
   * How much rare classes are weighted up: each example weighs (n / (classes · n_class))^classBalance,
   * so 0 weighs every example alike and 1 is scikit-learn's "balanced".
   */
  classBalance: number;
  /** AdaGrad: passes over the data, step size, and the pass (1-based) from which the weights are averaged. */
  epochs: number;
  learningRate: number;
  averageFrom: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { c: 20, classBalance: 0, epochs: 30, learningRate: 0.5, averageFrom: 11 };

/** Weights of a multinomial logistic regression, feature-major: weights[feature * classes + k]. */
export interface LinearModel {
  classes: number;
  features: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** Class probabilities of one row. */
export function predictProbabilities(model: LinearModel, row: SparseVector, out: Float64Array<ArrayBuffer> = new Float64Array(model.classes)): Float64Array<ArrayBuffer> {
  scoresInto(model.weights, model.bias, model.classes, row, out);
  return softmaxInPlace(out);
}

function scoresInto(weights: Float32Array, bias: Float32Array, classes: number, row: SparseVector, out: Float64Array<ArrayBuffer>): void {
  for (let k = 0; k < classes; k += 1) out[k] = bias[k] ?? 0;
  const { indexes, values } = row;
  for (let p = 0; p < indexes.length; p += 1) {
    const base = (indexes[p] ?? 0) * classes;
    const x = values[p] ?? 0;
    for (let k = 0; k < classes; k += 1) out[k] = (out[k] ?? 0) + (weights[base + k] ?? 0) * x;
  }
}

function softmaxInPlace(v: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (let k = 0; k < v.length; k += 1) {
    const e = Math.exp((v[k] ?? 0) - max);
    v[k] = e;
    sum += e;
  }
  for (let k = 0; k < v.length; k += 1) v[k] = (v[k] ?? 0) / sum;
  return v;
}

function exampleWeights(labels: readonly number[], classes: number, balance: number): Float64Array {
  const n = labels.length;
  const counts = new Float64Array(classes);
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  const classWeight = Float64Array.from(counts, (c) => (c > 0 ? ((n / (classes * c)) ** balance) : 0));
  let total = 0;
  for (const label of labels) total += classWeight[label] ?? 0;
  const scale = total > 0 ? n / total : 1;
  return Float64Array.from(labels, (label) => (classWeight[label] ?? 0) * scale);
}

/** A 32-bit mix of a key and a pass number: each pass visits the examples in its own fixed order. */
function mix(key: number, pass: number): number {
  let h = (key ^ Math.imul(pass + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Trains a multinomial logistic regression (softmax, L2-regularized) with AdaGrad, and returns
 * the average of the weights at the end of the last passes (from `averageFrom` on), which
 * sits closer to the optimum than any single pass and moves little when a few examples change.
 * Deterministic and independent of the order of the examples: each pass visits them in an
 * order set by their keys (hashes of their own texts), not by their place in the data.
 */
export function trainLogisticRegression(rows: readonly SparseVector[], labels: readonly number[], classes: number, features: number, options: TrainingOptions = DEFAULT_TRAINING, keys: Uint32Array = Uint32Array.from(rows, (_, i) => i)): LinearModel {
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const sumW = new Float64Array(features * classes);
  const sumB = new Float64Array(classes);
  let averaged = 0;
  const g2w = new Float32Array(features * classes).fill(1e-8);
  const g2b = new Float32Array(classes).fill(1e-8);
  const n = rows.length;
  const exampleWeight = exampleWeights(labels, classes, options.classBalance);
  const lambda = 1 / (options.c * Math.max(n, 1));
  const probs = new Float64Array(classes);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    const rank = Uint32Array.from(keys, (k) => mix(k, epoch));
    order.sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0) || a - b);
    for (const r of order) {
      const row = rows[r];
      const label = labels[r] ?? 0;
      const ew = exampleWeight[r] ?? 0;
      if (!row) continue;
      scoresInto(weights, bias, classes, row, probs);
      softmaxInPlace(probs);
      for (let k = 0; k < classes; k += 1) {
        const g = ((probs[k] ?? 0) - (k === label ? 1 : 0)) * ew;
        g2b[k] = (g2b[k] ?? 0) + g * g;
        bias[k] = (bias[k] ?? 0) - (options.learningRate * g) / Math.sqrt(g2b[k] ?? 1);
      }
      const { indexes, values } = row;
      for (let p = 0; p < indexes.length; p += 1) {
        const base = (indexes[p] ?? 0) * classes;
        const x = values[p] ?? 0;
        for (let k = 0; k < classes; k += 1) {
          const w = weights[base + k] ?? 0;
          const g = ((probs[k] ?? 0) - (k === label ? 1 : 0)) * x * ew + lambda * w;
          const acc = (g2w[base + k] ?? 0) + g * g;
          g2w[base + k] = acc;
          weights[base + k] = w - (options.learningRate * g) / Math.sqrt(acc);
        }
      }
    }
    if (epoch + 1 >= options.averageFrom) {
      for (let i = 0; i < weights.length; i += 1) sumW[i] = (sumW[i] ?? 0) + (weights[i] ?? 0);
      for (let k = 0; k < classes; k += 1) sumB[k] = (sumB[k] ?? 0) + (bias[k] ?? 0);
      averaged += 1;
    }
  }
  if (averaged === 0) return { classes, features, weights, bias };
  return { classes, features, weights: Float32Array.from(sumW, (w) => w / averaged), bias: Float32Array.from(sumB, (b) => b / averaged) };
}
