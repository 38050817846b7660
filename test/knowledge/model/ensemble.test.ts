import { describe, expect, it } from 'vitest';
import { addScaled, averageModels, trainIntentWeights } from '../../../knowledge/model/ensemble.js';
import { IntentModel } from '../../../knowledge/model/intentModel.js';
import { encodeModelFile } from '../../../knowledge/model/modelFile.js';
import { DEFAULT_TRAINING, trainLogisticRegression, type LinearModel } from '../../../knowledge/model/logisticRegression.js';
import type { SparseVector } from '../../../knowledge/model/vectorizer.js';

const model = (weights: number[], bias: number[]): LinearModel => ({ classes: bias.length, features: weights.length / bias.length, weights: Float32Array.from(weights), bias: Float32Array.from(bias) });
const row = (...indexes: number[]): SparseVector => ({ indexes: Int32Array.from(indexes), values: new Float32Array(indexes.length).fill(1 / Math.sqrt(indexes.length)) });
const ROWS = [row(0, 2), row(0), row(1, 2), row(1)];
const LABELS = [0, 0, 1, 1];
const SMALL = { ...DEFAULT_TRAINING, epochs: 5, shuffles: 3, svm: { c: 2, maxPasses: 50, tolerance: 0.01, seed: 1 }, svmWeight: 2 };

describe('averageModels and addScaled', () => {
  it('average weights and biases', () => {
    const avg = averageModels([model([1, 2, 3, 4], [0, 2]), model([3, 2, 1, 0], [2, 0])]);
    expect([...avg.weights]).toEqual([2, 2, 2, 2]);
    expect([...avg.bias]).toEqual([1, 1]);
  });

  it('add a scaled model', () => {
    const sum = addScaled(model([1, 0], [0, 1]), model([1, 1], [1, 0]), 3);
    expect([...sum.weights]).toEqual([4, 3]);
    expect([...sum.bias]).toEqual([3, 1]);
  });

  it('refuse models of different shapes, and an empty list', () => {
    expect(() => addScaled(model([1, 0], [0, 1]), model([1, 1, 1], [1, 0, 0]), 1)).toThrow(/shapes/);
    expect(() => averageModels([])).toThrow(/at least one/);
  });
});

describe('trainIntentWeights', () => {
  it('is deterministic: same rows and options, same weights', () => {
    expect(trainIntentWeights(ROWS, LABELS, 2, 3, SMALL)).toEqual(trainIntentWeights(ROWS, LABELS, 2, 3, SMALL));
  });

  it('is the mean of the regressions trained on each shuffling when no SVM is asked for', () => {
    const noSvm = { ...SMALL, svmWeight: 0 };
    const seeds = [0, 1, 2].map((s) => trainLogisticRegression(ROWS, LABELS, 2, 3, { ...noSvm, seed: SMALL.seed + s }));
    expect(trainIntentWeights(ROWS, LABELS, 2, 3, noSvm)).toEqual(averageModels(seeds));
  });

  it('adds the SVM margins to the regression logits', () => {
    const withSvm = trainIntentWeights(ROWS, LABELS, 2, 3, SMALL);
    const without = trainIntentWeights(ROWS, LABELS, 2, 3, { ...SMALL, svmWeight: 0 });
    expect(withSvm).not.toEqual(without);
    // Feature 0 belongs to class 0: the SVM pushes it further that way.
    const lead = (m: LinearModel) => (m.weights[0] ?? 0) - (m.weights[1] ?? 0);
    expect(lead(withSvm)).toBeGreaterThan(lead(without));
  });
});

describe('IntentModel trained with the shipped options (regressions + SVM)', () => {
  const examples = [
    ...['grace period', 'late renewal grace', 'délai de grâce'].map((text) => ({ label: 'grace', text })),
    ...['pay in instalments', 'monthly payments', 'payer en plusieurs fois'].map((text) => ({ label: 'pay', text })),
    ...['weather tomorrow', 'a joke', 'météo demain'].map((text) => ({ label: '~out-of-scope', text })),
  ];
  const trained = IntentModel.train(examples, 'toy');

  it('learns its examples, with probabilities that sum to 1', () => {
    for (const e of examples) {
      const ranked = trained.classify(e.text);
      expect(ranked[0]?.label).toBe(e.label);
      expect(ranked.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 5);
    }
  });

  it('trains to the same file twice', () => {
    expect(encodeModelFile(IntentModel.train(examples, 'toy').parts()).equals(encodeModelFile(trained.parts()))).toBe(true);
  });
});
