import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IntentModel, type IntentModelParts } from './intentModel.js';
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
      return { model: IntentModel.fromParts(stored), source: 'file' };
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
  writeFileSync(temporary, encodeModelFile(model.parts()));
  renameSync(temporary, file);
  return true;
}

/**
 * The model file: `MAGIC`, the byte length of a JSON header (uint32, little-endian), the header
 * (fingerprint, labels, features), zero bytes up to a multiple of 4, then the idf, weights and
 * bias as little-endian float32. Binary, because the same numbers in JSON and base64 took a
 * quarter of a second to read and decode at every start.
 */
const MAGIC = Buffer.from('INTENT-MODEL-2\n\0', 'latin1');

interface ModelFileHeader {
  fingerprint: string;
  labels: string[];
  features: string[];
}

export function encodeModelFile(parts: IntentModelParts): Buffer {
  const header: ModelFileHeader = { fingerprint: parts.fingerprint, labels: parts.labels, features: parts.features };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const padding = Buffer.alloc((4 - ((MAGIC.length + 4 + json.length) % 4)) % 4);
  const floats = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return Buffer.concat([MAGIC, length, json, padding, floats(parts.idf), floats(parts.weights), floats(parts.bias)]);
}

/** The model in a file's bytes, or undefined when they are not a whole model file. */
export function decodeModelFile(bytes: Buffer): IntentModelParts | undefined {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > bytes.length) return undefined;
  const header: unknown = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength));
  if (!isHeader(header)) return undefined;
  let offset = headerStart + headerLength;
  offset += (4 - (offset % 4)) % 4;
  const features = header.features.length;
  const classes = header.labels.length;
  if (bytes.length !== offset + 4 * (features + features * classes + classes)) return undefined;
  const take = (count: number): Float32Array => {
    // A copy: the file's buffer need not be aligned for float32.
    const values = new Float32Array(count);
    new Uint8Array(values.buffer).set(bytes.subarray(offset, offset + 4 * count));
    offset += 4 * count;
    return values;
  };
  const idf = take(features);
  const weights = take(features * classes);
  const bias = take(classes);
  return { ...header, idf, weights, bias };
}

/** The stored model, or undefined when the file is missing or not a model file. */
export function readModelFile(file: string): IntentModelParts | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return decodeModelFile(readFileSync(file));
  } catch {
    return undefined;
  }
}

function isHeader(data: unknown): data is ModelFileHeader {
  if (typeof data !== 'object' || data === null) return false;
  const d: Record<string, unknown> = { ...data };
  return typeof d.fingerprint === 'string' && isStrings(d.labels) && isStrings(d.features);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
