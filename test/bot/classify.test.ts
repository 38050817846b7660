import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../bot/app.js';
import { classifyLine } from '../../bot/cli/classifyLine.js';
import { projectRoot } from '../../bot/paths.js';

const { recognizer } = createUnderstanding();

describe('classify', () => {
  it('classifies a line into intent, score and language', () => {
    expect(classifyLine('{"text": "periode de grace ?"}', recognizer)).toMatchObject({ intent: 'grace-period', lang: 'fr' });
  });

  it('adds the three most likely intents with their scores, best first, to study misses', () => {
    const out = classifyLine('{"text": "can I pay the renewal in several instalments?"}', recognizer);
    if (!('top' in out)) throw new Error('expected a classification');
    expect(out.top).toHaveLength(3);
    expect(out.top[0]).toEqual({ intent: 'installments', score: out.score });
    expect(out.top.map((c) => c.score)).toEqual([...out.top.map((c) => c.score)].sort((a, b) => b - a));
    expect(out.ambiguous).toBe(false);
  });

  it('uses the locale only as a tie-breaker for the language', () => {
    expect(classifyLine('{"text": "RNW-20481137", "locale": "en-GB"}', recognizer)).toMatchObject({ lang: 'en' });
    expect(classifyLine('{"text": "quand se termine mon contrat", "locale": "en-GB"}', recognizer)).toMatchObject({ lang: 'fr' });
  });

  it('answers an error object for a malformed line', () => {
    expect(classifyLine('not json', recognizer)).toEqual({ error: 'line is not valid JSON' });
    expect(classifyLine('{"txt": "hello"}', recognizer)).toHaveProperty('error');
    expect(classifyLine('[1,2]', recognizer)).toHaveProperty('error');
  });

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
