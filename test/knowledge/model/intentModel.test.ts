import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldForModel } from '../../../knowledge/model/features.js';
import { IntentModel, type TrainingExample } from '../../../knowledge/model/intentModel.js';
import { decodeModelFile, encodeModelFile, ensureModelFile, loadOrTrainModel, readModelFile } from '../../../knowledge/model/modelFile.js';
import { fingerprintOf } from '../../../knowledge/model/trainingData.js';

const OPTIONS = { c: 20, epochs: 8, seed: 7, learningRate: 0.5 };
const EXAMPLES: TrainingExample[] = [
  ...['is there a grace period', 'grace period after expiry', 'can I renew late', 'late renewal tolerance'].map((text) => ({ label: 'grace', text })),
  ...['pay in instalments', 'monthly payments possible', 'spread the payment', 'pay quarterly'].map((text) => ({ label: 'pay', text })),
  ...['weather tomorrow', 'tell me a joke', 'renew my passport', 'football scores'].map((text) => ({ label: '~out-of-scope', text })),
];
const dir = mkdtempSync(path.join(tmpdir(), 'intent-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('IntentModel', () => {
  const model = IntentModel.train(EXAMPLES, 'toy', OPTIONS);

  it('learns its examples and generalizes to a new wording', () => {
    expect(model.classify('grace period please')[0]?.label).toBe('grace');
    expect(model.classify('can we pay monthly')[0]?.label).toBe('pay');
    expect(model.classify('what is the weather')[0]?.label).toBe('~out-of-scope');
  });

  it('gives probabilities that sum to 1, most probable first', () => {
    const ranked = model.classify('instalments');
    expect(ranked.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 5);
    expect(ranked.map((r) => r.probability)).toEqual([...ranked.map((r) => r.probability)].sort((a, b) => b - a));
  });

  it('trains deterministically: same examples and seed, same weights', () => {
    const again = IntentModel.train(EXAMPLES, 'toy', OPTIONS);
    expect(encodeModelFile(again.parts()).equals(encodeModelFile(model.parts()))).toBe(true);
  });

  it('ranks as its probabilities say, equal ones in label order, and transforms in place as in a copy', () => {
    for (const text of ['grace period', 'pay monthly', 'joke', '', 'grace grace grace period monthly pay joke']) {
      const ranked = model.classify(text);
      const { order, probabilities } = model.rankFolded(foldForModel(text));
      expect(ranked.map((r) => r.label)).toEqual(Array.from(order, (k) => model.labels[k]));
      for (const r of ranked) expect(r.probability).toBe(probabilities[model.labels.indexOf(r.label)]);
      for (let i = 1; i < ranked.length; i += 1) {
        const [a, b] = [ranked[i - 1], ranked[i]];
        if (a && b) expect(a.probability > b.probability || (a.probability === b.probability && model.labels.indexOf(a.label) < model.labels.indexOf(b.label))).toBe(true);
      }
    }
  });

  it('gives the same answers after a round trip through its file format', () => {
    const parts = decodeModelFile(encodeModelFile(model.parts()));
    if (!parts) throw new Error('the encoded model did not decode');
    const copy = IntentModel.fromParts(parts);
    for (const text of ['grace', 'pay monthly', 'joke', '']) expect(copy.classify(text)).toEqual(model.classify(text));
  });

  it('refuses a file whose sizes do not match', () => {
    const data = model.parts();
    expect(() => IntentModel.fromParts({ ...data, labels: data.labels.slice(1) })).toThrow(/inconsistent/);
  });

  it('reads no model from cut, padded, foreign or tampered bytes', () => {
    const bytes = encodeModelFile(model.parts());
    const headerEdited = Buffer.from(bytes);
    headerEdited.writeUInt32LE(0xffffff, 16);
    for (const bad of [bytes.subarray(0, bytes.length - 4), Buffer.concat([bytes, Buffer.alloc(4)]), Buffer.from('{"format":1}'), Buffer.alloc(0), headerEdited]) {
      expect(decodeModelFile(bad)).toBeUndefined();
    }
  });

  it('stays finite on hostile input', () => {
    for (const text of ['\u0000'.repeat(100), '🙂'.repeat(500), 'a'.repeat(100_000), '<script>alert(1)</script>']) {
      for (const r of model.classify(text)) expect(Number.isFinite(r.probability)).toBe(true);
    }
  });
});

describe('the model file', () => {
  const file = path.join(dir, 'model.bin');

  it('is written when missing, then read instead of training again', () => {
    expect(ensureModelFile(EXAMPLES, file, OPTIONS)).toBe(true);
    expect(loadOrTrainModel(EXAMPLES, file, OPTIONS).source).toBe('file');
    expect(ensureModelFile(EXAMPLES, file, OPTIONS)).toBe(false);
  });

  it('is trained again when the examples change', () => {
    const changed = [...EXAMPLES, { label: 'pay', text: 'pay every month' }];
    expect(loadOrTrainModel(changed, file, OPTIONS).source).toBe('trained');
    expect(ensureModelFile(changed, file, OPTIONS)).toBe(true);
    expect(readModelFile(file)?.fingerprint).toBe(fingerprintOf(changed, OPTIONS));
  });

  it('is trained again when damaged, truncated or not a model', () => {
    const full = readFileSync(file, 'utf8');
    for (const content of [full.slice(0, full.length / 2), '{"format":1}', 'null', '[]']) {
      writeFileSync(file, content);
      expect(loadOrTrainModel(EXAMPLES, file, OPTIONS).source).toBe('trained');
    }
  });
});
