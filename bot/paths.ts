import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found from this file whether it runs from source or from dist/. */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Resolves a path of the project (locales/, knowledge/, data-samples/…). */
export function fromRoot(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}

/** The demo contracts shipped with the project (dates relative to the day they are loaded). */
export const SAMPLE_CONTRACTS_FILE = fromRoot('data-samples', 'contracts.sample.json');

/** The intent model that `npm run build` trains from knowledge/ (scripts/train-model.mjs). */
export const INTENT_MODEL_FILE = fromRoot('dist', 'model', 'intent-model.bin');
