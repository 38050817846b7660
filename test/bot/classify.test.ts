import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../bot/app.js';
import { classifyLine } from '../../bot/cli/classifyLine.js';

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
});
