#!/usr/bin/env node
// Trains the intent model from knowledge/ into dist/model/intent-model.bin (part of `npm run build`).
// Deterministic: the same knowledge files give the same file. Does nothing when the file is current.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadKnowledgeBase } = await import(path.join(root, 'dist/knowledge/knowledgeBase.js'));
const { trainingExamples } = await import(path.join(root, 'dist/knowledge/model/trainingData.js'));
const { ensureModelFile } = await import(path.join(root, 'dist/knowledge/model/modelFile.js'));
const { INTENT_MODEL_FILE } = await import(path.join(root, 'dist/bot/paths.js'));

const started = performance.now();
const examples = trainingExamples(loadKnowledgeBase(path.join(root, 'knowledge')).recognizerExamples());
if (ensureModelFile(examples, INTENT_MODEL_FILE)) {
  process.stderr.write(`intent model trained on ${examples.length} examples in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${path.relative(root, INTENT_MODEL_FILE)}\n`);
} else {
  // Still current (a knowledge file was touched, not changed): mark it checked, so the next
  // build-if-needed does not look again.
  const now = new Date();
  utimesSync(INTENT_MODEL_FILE, now, now);
}
