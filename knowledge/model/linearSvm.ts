import type { LinearModel } from './logisticRegression.js';
import { mulberry32 } from './random.js';
import type { SparseVector } from './vectorizer.js';

export interface SvmOptions {
  /** Penalty of a margin violation, as in LIBLINEAR (larger: fits the examples more closely). */
  c: number;
  /** Most passes over the data per class; training stops earlier once the solution is reached. */
  maxPasses: number;
  /** Stop when the projected gradients span less than this (LIBLINEAR's default is 0.1). */
  tolerance: number;
  /** Seed of the visiting order: the same data and seed give the same weights. */
  seed: number;
}

export const DEFAULT_SVM: SvmOptions = { c: 2, maxPasses: 60, tolerance: 0.01, seed: 1 };

/**
 * Trains one-vs-rest linear SVMs with the squared hinge loss (L2-regularized L2-loss SVM, LIBLINEAR's
 * solver 1) by dual coordinate descent; the bias is a constant feature of value 1. The problem is
 * strictly convex, so its solution does not depend on the order examples are visited in (the seed
 * only fixes that order, to the last float). Returns margins' weights in the layout of LinearModel:
 * a row's score for class k is bias[k] + Σ weights[feature * classes + k] · value.
 */
export function trainLinearSvm(rows: readonly SparseVector[], labels: readonly number[], classes: number, features: number, options: SvmOptions = DEFAULT_SVM): LinearModel {
  const n = rows.length;
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const diagonal = 1 / (2 * options.c);
  const qd = rows.map((r) => r.values.reduce((s, v) => s + v * v, 1) + diagonal);
  const random = mulberry32(options.seed);
  const order = Array.from({ length: n }, (_, i) => i);
  const alpha = new Float64Array(n);
  // One class at a time, its weights contiguous (the layout of LinearModel interleaves classes).
  const w = new Float64Array(features);
  for (let k = 0; k < classes; k += 1) {
    alpha.fill(0);
    w.fill(0);
    let b = 0;
    for (let pass = 0; pass < options.maxPasses; pass += 1) {
      shuffle(order, random);
      let maxGradient = -Infinity;
      let minGradient = Infinity;
      for (const i of order) {
        const row = rows[i];
        if (!row) continue;
        const y = labels[i] === k ? 1 : -1;
        const { indexes, values } = row;
        let score = b;
        for (let p = 0; p < indexes.length; p += 1) score += (w[indexes[p] ?? 0] ?? 0) * (values[p] ?? 0);
        const a = alpha[i] ?? 0;
        const gradient = y * score - 1 + a * diagonal;
        const projected = a === 0 ? Math.min(gradient, 0) : gradient;
        maxGradient = Math.max(maxGradient, projected);
        minGradient = Math.min(minGradient, projected);
        if (projected === 0) continue;
        const next = Math.max(a - gradient / (qd[i] ?? 1), 0);
        alpha[i] = next;
        const step = (next - a) * y;
        b += step;
        for (let p = 0; p < indexes.length; p += 1) {
          const at = indexes[p] ?? 0;
          w[at] = (w[at] ?? 0) + step * (values[p] ?? 0);
        }
      }
      if (maxGradient - minGradient < options.tolerance) break;
    }
    for (let f = 0; f < features; f += 1) weights[f * classes + k] = w[f] ?? 0;
    bias[k] = b;
  }
  return { classes, features, weights, bias };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
}
