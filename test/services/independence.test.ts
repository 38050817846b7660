import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../bot/paths.js';

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('domain services', () => {
  it.each(['contracts', 'verification'])('%s do not depend on the bot SDK', (folder) => {
    const offending = sources(fromRoot('bot', 'services', folder)).filter((file) =>
      /from\s+['"]botbuilder|require\(['"]botbuilder/.test(readFileSync(file, 'utf8')),
    );
    expect(offending).toEqual([]);
  });
});
