import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/paths.js';

// Runs the real command in a child process (builds dist/ first if needed).
describe('npm run classify', () => {
  it('writes exactly one JSON line per input line, and nothing else, through npm run -s classify', () => {
    const input = ['{"text":"what is a renewal ID?"}', 'garbage', '{"text":"merci"}'].join('\n') + '\n';
    const run = spawnSync('npm', ['run', '-s', 'classify'], { cwd: projectRoot, input, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ intent: 'renewal-id', lang: 'en' });
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]).toMatchObject({ intent: 'thanks', lang: 'fr' });
  }, 60_000);
});
