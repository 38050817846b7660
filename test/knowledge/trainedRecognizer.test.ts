import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../bot/app.js';
import { IntentModel } from '../../knowledge/model/intentModel.js';
import type { RecognizerExamples } from '../../knowledge/recognizer/recognizer.js';
import { decide, TrainedRecognizer, withRenewalIdRule } from '../../knowledge/recognizer/trainedRecognizer.js';

const { recognizer } = createUnderstanding();
const intentOf = (text: string) => recognizer.recognize(text).intent;

describe('renewal-ID-looking numbers', () => {
  it('explains what a renewal ID is when there is no number', () => {
    expect(intentOf('what is this renewal ID everybody asks me for?')).toBe('renewal-id');
    expect(intentOf("je ne trouve pas mon identifiant de renouvellement, il est où ?")).toBe('renewal-id');
  });

  it.each([
    ['could you tell me the state of RNW-20481137', 'check-status'],
    ['has my renewal 2048 1137 gone through yet?', 'check-status'],
    ['où en est mon renouvellement 20481137 ?', 'check-status'],
    ['je veux renouveler le contrat RNW 2048-1137 tout de suite', 'start-renewal'],
  ])('"%s" asks about that contract (%s)', (text, expected) => {
    expect(intentOf(text)).toBe(expected);
  });

  it('moves renewal-id below the contract intents when the message holds an ID', () => {
    const ranked = [{ intent: 'renewal-id' as const, score: 0.6 }, { intent: 'how-to-renew' as const, score: 0.2 }, { intent: 'check-status' as const, score: 0.1 }];
    expect(withRenewalIdRule(ranked, true).map((c) => c.intent)).toEqual(['check-status', 'how-to-renew', 'renewal-id']);
    expect(withRenewalIdRule(ranked, true)[0]?.score).toBe(0.6);
    expect(withRenewalIdRule(ranked, false)).toEqual(ranked);
  });
});

describe('a greeting or a thanks beside a question', () => {
  it.each([
    ['salut, le 4471-2290 ça en est où ?', ['check-status']],
    ['hello, instalments?', ['installments']],
    ['bonjour, devis ?', ['find-reseller']],
    ['délai de grâce ? merci beaucoup', ['grace-period']],
    ['ok thanks, and who do I call for support?', ['support-contacts']],
    ['hello, is my contract RNW-1234 renewed?', ['check-status', 'start-renewal']],
  ])('"%s" is read as its question', (text, expected) => {
    expect(expected).toContain(intentOf(text));
  });

  it.each([
    ["bonsoir, il y a quelqu'un ?", 'greeting'], ['hi, are you there?', 'greeting'], ['hello, vous êtes dispo ?', 'greeting'], ['salut, ça va ?', 'greeting'],
    ["merci, c'est très clair", 'thanks'], ["thanks, that's exactly what I needed", 'thanks'], ['thx, au revoir', 'goodbye'],
  ])('"%s" stays small talk (%s)', (text, expected) => {
    expect(intentOf(text)).toBe(expected);
  });
});

describe('calibrated abstention', () => {
  const examples: RecognizerExamples = {
    intents: [
      { id: 'grace-period', titles: { fr: 'Délai de grâce ?', en: 'Grace period?' }, phrasings: { fr: ['délai de grâce'], en: ['grace period'] } },
      { id: 'when-to-renew', titles: { fr: 'Quand renouveler ?', en: 'When to renew?' }, phrasings: { fr: ['renouveler tôt'], en: ['renew early'] } },
    ],
    outOfScope: { fr: ['météo demain', 'une blague'], en: ['weather tomorrow', 'a joke'] },
  };
  const toy = IntentModel.train([
    ...['grace period', 'délai de grâce'].map((text) => ({ label: 'grace-period', text })),
    ...['renew early', 'renouveler tôt'].map((text) => ({ label: 'when-to-renew', text })),
    ...['weather tomorrow', 'a joke', 'météo demain', 'une blague'].map((text) => ({ label: '~out-of-scope', text })),
  ], 'toy', { c: 20, epochs: 10, seed: 1, learningRate: 0.5 });
  const calibrated = new TrainedRecognizer(examples, toy, { threshold: 0.35, ambiguityMargin: 0.3 });

  it('asks "A or B?" when two intents are about as likely', () => {
    const r = calibrated.recognize('grace period or renew early');
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.map((c) => c.intent).sort()).toEqual(['grace-period', 'when-to-renew']);
  });

  it('answers when one intent clearly wins', () => {
    expect(calibrated.recognize('grace period').intent).toBe('grace-period');
    expect(calibrated.recognize('grace period').ambiguous).toBe(false);
  });

  it('says none when the out-of-scope class wins or nothing is likely enough', () => {
    expect(calibrated.recognize('weather tomorrow').intent).toBe('none');
    const strict = new TrainedRecognizer(examples, toy, { threshold: 0.99, ambiguityMargin: 0.3 });
    expect(strict.recognize('grace period please').intent).toBe('none');
  });

  it('recognizes a button title exactly, in either language', () => {
    expect(calibrated.recognize('Délai de grâce ?')).toMatchObject({ intent: 'grace-period', score: 1 });
  });

  it('asks instead of answering whenever the best is not ahead by the margin, offering the two best', () => {
    const shy = new TrainedRecognizer(examples, toy, { threshold: 0.35, ambiguityMargin: 1 });
    const r = shy.recognize('grace period please');
    expect(r.ambiguous).toBe(true);
    expect(r.candidates).toHaveLength(2);
    expect(r.candidates[0]?.intent).toBe('grace-period');
  });
});

describe('decide', () => {
  const tuning = { threshold: 0.6, ambiguityMargin: 0.5 };

  it('answers when the best leads the runner-up by the margin', () => {
    expect(decide(0.9, 0.05, tuning)).toBe('answer');
  });

  it('asks "A or B?" when the runner-up is within the margin, even when neither alone reaches the threshold', () => {
    expect(decide(0.6, 0.3, tuning)).toBe('ask');
    expect(decide(0.4, 0.35, tuning)).toBe('ask');
    // A best under the margin is always asked about: nothing is far enough behind it.
    expect(decide(0.5, 0.1, tuning)).toBe('ask');
  });

  it('says none when the two best together are under the threshold', () => {
    expect(decide(0.4, 0.1, tuning)).toBe('none');
    expect(decide(0.4, 0.1, tuning, 0.25)).toBe('ask');
  });
});

describe('the shipped recognizer between two topics', () => {
  it('offers both instead of guessing', () => {
    // More seats at renewal: sizing the needs (plan-needs) or buying more licences (additional-licenses).
    const r = recognizer.recognize('extra seats at renewal');
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.map((c) => c.intent).sort()).toEqual(['additional-licenses', 'plan-needs']);
  });
});

describe('the shipped recognizer on hostile input', () => {
  const hostile = ['', '\u0000\u0001', '🙂'.repeat(3000), 'renouvellement '.repeat(10_000), '{"text": null}', 'DROP TABLE contracts;--'];
  it.each(hostile.map((text, i) => [i, text] as const))('answers something sane for hostile input #%s', (_, text) => {
    const r = recognizer.recognize(text);
    expect(Number.isFinite(r.score)).toBe(true);
    expect(r.candidates.length).toBeLessThanOrEqual(3);
  });
});
