#!/usr/bin/env node
// Compiles the TypeScript sources into dist/ when any source is newer than the last build,
// so `npm start`, `npm run classify` and `npm run chat` always run current code.
// Then trains the intent model when knowledge/ changed (scripts/train-model.mjs).
// Prints nothing when the build is up to date (classify's standard output must stay clean).
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sources = ['bot', 'dialogs', 'services', 'knowledge', 'scripts'];

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))), statSync(path.join(root, 'tsconfig.json')).mtimeMs);
if (changed > built) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { stdio: ['ignore', 2, 2] });
  if (run.status !== 0) {
    process.stderr.write('TypeScript build failed (see above).\n');
    process.exit(run.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

// The intent model is trained from knowledge/*.json: again when they, or the build, are newer than it.
function newestJson(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newestJson(full));
    else if (entry.name.endsWith('.json')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}
const model = path.join(root, 'dist', 'model', 'intent-model.bin');
const modelTime = existsSync(model) ? statSync(model).mtimeMs : 0;
if (Math.max(newestJson(path.join(root, 'knowledge')), statSync(stamp).mtimeMs) > modelTime) {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'train-model.mjs')], { stdio: ['ignore', 2, 2] });
  if (run.status !== 0) {
    process.stderr.write('Training the intent model failed (see above).\n');
    process.exit(run.status ?? 1);
  }
}
