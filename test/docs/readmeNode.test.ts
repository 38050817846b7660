import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../bot/paths.js';

const readme = readFileSync(fromRoot('README.md'), 'utf8');
const manifest: { engines: { node: string } } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));
const lock: { packages: Record<string, { version?: string; engines?: { node?: string }; optional?: boolean }> } = JSON.parse(readFileSync(fromRoot('package-lock.json'), 'utf8'));

/** The lowest version of each major line the project supports, e.g. 20.19.0, 22.12.0, 24.0.0. */
function lowestOfEachLine(range: string): string[] {
  return range.split('||').map((part) => semver.minVersion(part.trim())?.version ?? '').filter(Boolean);
}

describe('the README on Node versions', () => {
  it('states the supported Node versions as package.json declares them', () => {
    expect(readme).toContain(`Supported: Node \`${manifest.engines.node}\``);
    expect(lowestOfEachLine(manifest.engines.node)).toEqual(['20.19.0', '22.12.0', '24.0.0']);
  });

  it('names and explains every EBADENGINE warning npm ci prints on a supported Node version', () => {
    const warned = new Set<string>();
    for (const [where, entry] of Object.entries(lock.packages)) {
      const range = entry.engines?.node;
      if (!where || entry.optional || !range || !entry.version) continue;
      const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
      for (const node of lowestOfEachLine(manifest.engines.node)) {
        if (!semver.satisfies(node, range)) warned.add(`${name}@${entry.version}`);
      }
    }
    expect([...warned]).toContain('restify@12.0.0');
    for (const id of warned) expect(readme, `${id} warns on install: say in the README why it is harmless`).toContain(`${id} declares`);
  });

  it('says that .ci/run installs again', () => {
    expect(readme).toMatch(/`\.ci\/run`[^]*runs `npm ci` itself \(again/);
  });
});
