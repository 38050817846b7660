import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot, projectRoot } from '../bot/paths.js';

/** Top to bottom: a file may import its own layer and the layers below it, never one above. */
const LAYERS = ['bot', 'dialogs', 'services', 'knowledge'] as const;

function sources(folder: string): string[] {
  return readdirSync(fromRoot(folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/** The top-level folder a relative import lands in, or the package name of a bare one. */
function target(file: string, specifier: string): { layer?: string; pkg?: string } {
  if (!specifier.startsWith('.')) return { pkg: specifier };
  const resolved = path.relative(projectRoot, path.resolve(path.dirname(file), specifier));
  return { layer: resolved.split(path.sep)[0] };
}

describe('layers', () => {
  it.each(LAYERS.slice(1))('%s imports nothing from a layer above it', (layer) => {
    const above = LAYERS.slice(0, LAYERS.indexOf(layer));
    const upward = sources(layer).flatMap((file) =>
      importsOf(file)
        .filter((spec) => above.some((top) => top === target(file, spec).layer))
        .map((spec) => `${path.relative(projectRoot, file)} -> ${spec}`),
    );
    expect(upward).toEqual([]);
  });

  it.each(['services', 'knowledge'])('%s uses no bot SDK, HTTP server or process API', (layer) => {
    const forbidden = /^(botbuilder|botframework|restify|node:http|node:https|node:process|node:child_process)/;
    const offending = sources(layer).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const bad = importsOf(file).filter((spec) => forbidden.test(target(file, spec).pkg ?? ''));
      if (/\bprocess\.(env|exit|argv|on)\b/.test(text)) bad.push('process');
      return bad.map((what) => `${path.relative(projectRoot, file)} -> ${what}`);
    });
    expect(offending).toEqual([]);
  });
});
