import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IntentModel, type SerializedIntentModel } from './intentModel.js';
import { DEFAULT_TRAINING, type TrainingOptions } from './logisticRegression.js';
import type { TrainingExample } from './intentModel.js';
import { fingerprintOf } from './trainingData.js';

export interface LoadedModel {
  model: IntentModel;
  /** Where the model came from: the file, or training now because the file was missing or stale. */
  source: 'file' | 'trained';
}

/**
 * The model for these examples: read from `file` when it was trained on exactly them,
 * otherwise trained here (a second or two) so the bot never answers with a stale model.
 */
export function loadOrTrainModel(examples: readonly TrainingExample[], file: string, options: TrainingOptions = DEFAULT_TRAINING): LoadedModel {
  const fingerprint = fingerprintOf(examples, options);
  const stored = readModelFile(file);
  if (stored && stored.fingerprint === fingerprint) {
    try {
      return { model: IntentModel.deserialize(stored), source: 'file' };
    } catch {
      // A damaged file is as good as none: train.
    }
  }
  return { model: IntentModel.train(examples, fingerprint, options), source: 'trained' };
}

/** Trains and writes the model file when it is missing or was trained on other examples; true when it wrote. */
export function ensureModelFile(examples: readonly TrainingExample[], file: string, options: TrainingOptions = DEFAULT_TRAINING): boolean {
  const { model, source } = loadOrTrainModel(examples, file, options);
  if (source === 'file') return false;
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside then renamed, so a reader never sees half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(model.serialize()));
  renameSync(temporary, file);
  return true;
}

/** The stored model, or undefined when the file is missing or not a model file. */
export function readModelFile(file: string): SerializedIntentModel | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isSerializedModel(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

function isSerializedModel(data: unknown): data is SerializedIntentModel {
  if (typeof data !== 'object' || data === null) return false;
  const d: Record<string, unknown> = { ...data };
  return d.format === 1 && typeof d.fingerprint === 'string' && isStrings(d.labels) && isStrings(d.features)
    && typeof d.idf === 'string' && typeof d.weights === 'string' && typeof d.bias === 'string';
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
