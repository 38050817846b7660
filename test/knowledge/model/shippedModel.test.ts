import { describe, expect, it } from 'vitest';
import { fromRoot, INTENT_MODEL_FILE } from '../../../bot/paths.js';
import { loadKnowledgeBase } from '../../../knowledge/knowledgeBase.js';
import { loadOrTrainModel, readModelFile } from '../../../knowledge/model/modelFile.js';
import { fingerprintOf, trainingExamples } from '../../../knowledge/model/trainingData.js';

describe('the intent model the bot loads', () => {
  const examples = trainingExamples(loadKnowledgeBase(fromRoot('knowledge')).recognizerExamples());

  it('was trained on exactly the current knowledge files (the build retrains it when they change)', () => {
    expect(readModelFile(INTENT_MODEL_FILE)?.fingerprint).toBe(fingerprintOf(examples));
    expect(loadOrTrainModel(examples, INTENT_MODEL_FILE).source).toBe('file');
  });

  it('learns from every intent and from the out-of-scope examples', () => {
    const labels = new Set(examples.map((e) => e.label));
    expect(labels.size).toBe(38);
    expect(labels.has('~out-of-scope')).toBe(true);
  });
});
