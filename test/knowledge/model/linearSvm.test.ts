import { describe, expect, it } from 'vitest';
import { trainLinearSvm } from '../../../knowledge/model/linearSvm.js';
import type { LinearModel } from '../../../knowledge/model/logisticRegression.js';
import type { SparseVector } from '../../../knowledge/model/vectorizer.js';

/** A unit-length row over features `indexes`, all of one weight. */
const row = (...indexes: number[]): SparseVector => ({ indexes: Int32Array.from(indexes), values: new Float32Array(indexes.length).fill(1 / Math.sqrt(indexes.length)) });
/** Three classes, each with its own two features, and a shared one that tells nothing. */
const ROWS = [row(0, 6), row(1, 6), row(0, 1), row(2, 6), row(3, 6), row(2, 3), row(4, 6), row(5, 6), row(4, 5)];
const LABELS = [0, 0, 0, 1, 1, 1, 2, 2, 2];
const OPTIONS = { c: 2, maxPasses: 200, tolerance: 0.001, seed: 3 };

function scores(model: LinearModel, r: SparseVector): number[] {
  return Array.from({ length: model.classes }, (_, k) => {
    let s = model.bias[k] ?? 0;
    r.indexes.forEach((f, p) => { s += (model.weights[f * model.classes + k] ?? 0) * (r.values[p] ?? 0); });
    return s;
  });
}
const argmax = (v: number[]) => v.indexOf(Math.max(...v));

describe('trainLinearSvm', () => {
  const model = trainLinearSvm(ROWS, LABELS, 3, 7, OPTIONS);

  it('separates a separable set: each row scores highest for its own class, on the right side of the margin', () => {
    ROWS.forEach((r, i) => {
      const s = scores(model, r);
      expect(argmax(s)).toBe(LABELS[i]);
      expect(s[LABELS[i] ?? 0]).toBeGreaterThan(0);
    });
  });

  it('generalizes to a row it never saw (one feature of a class)', () => {
    expect(argmax(scores(model, row(3)))).toBe(1);
    expect(argmax(scores(model, row(5)))).toBe(2);
  });

  it('is deterministic: same rows and seed, same weights', () => {
    expect(trainLinearSvm(ROWS, LABELS, 3, 7, OPTIONS)).toEqual(model);
  });

  it('reaches the same solution whatever the visiting order (the problem is convex)', () => {
    const other = trainLinearSvm(ROWS, LABELS, 3, 7, { ...OPTIONS, seed: 99 });
    other.weights.forEach((w, i) => expect(w).toBeCloseTo(model.weights[i] ?? 0, 2));
  });

  it('gives all-zero weights on an empty training set', () => {
    const empty = trainLinearSvm([], [], 2, 3, OPTIONS);
    expect([...empty.weights, ...empty.bias].every((w) => w === 0)).toBe(true);
  });
});
