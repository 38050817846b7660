import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { isIntentId, type IntentId } from '../../../knowledge/schema.js';
import { DEFAULT_LOW_CONFIDENCE } from '../../../services/feedback/feedbackRecorder.js';
import { DEFAULT_PHRASING_LINE } from '../../../services/feedback/report/buildReport.js';
import {
  bestSuggestionLines, chooseLowConfidenceLine, flaggingRates, separation, type AnsweredSample, type LabelledSimilarity,
} from '../../../services/feedback/report/feedbackLines.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const readJsonl = (file: string): unknown[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line): unknown => JSON.parse(line));
const { recognizer } = createUnderstanding();

function stringField(row: unknown, name: string): string {
  const value: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, name) : undefined;
  if (typeof value !== 'string') throw new Error(`fixture row without ${name}: ${JSON.stringify(row)}`);
  return value;
}

/** The blind sets' answers by the shipped recognizer: confidence, and whether the entry was right. */
function blindAnswers(): AnsweredSample[] {
  const rows = ['blind/blind.jsonl', 'blind2/blind2.jsonl', 'blind3/blind3.jsonl', 'blind4/blind4.jsonl'].flatMap((f) => readJsonl(path.join(here, '..', '..', 'knowledge', f)));
  const samples: AnsweredSample[] = [];
  for (const row of rows) {
    const expect: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'expect') : undefined;
    const r = recognizer.recognize(stringField(row, 'text'));
    if (r.intent === 'none' || r.ambiguous || !Array.isArray(expect)) continue;
    samples.push({ confidence: r.score, right: expect.includes(r.intent) });
  }
  return samples;
}

/** The fixture's questions that reach the report (answered none, or under the low-confidence line). */
function unansweredFixture(): LabelledSimilarity[] {
  const samples: LabelledSimilarity[] = [];
  for (const row of readJsonl(path.join(here, 'fixtures', 'unansweredQuestions.jsonl'))) {
    const expect = stringField(row, 'expect');
    const truth: IntentId | 'new' = isIntentId(expect) ? expect : 'new';
    if (truth === 'new' && expect !== 'new') throw new Error(`unknown intent in the fixture: ${expect}`);
    const lang = stringField(row, 'lang') === 'en' ? 'en' : 'fr';
    const r = recognizer.recognize(stringField(row, 'text'), { fallbackLang: lang });
    if (r.ambiguous || (r.intent !== 'none' && r.score >= DEFAULT_LOW_CONFIDENCE)) continue;
    samples.push({ similarity: r.candidates[0]?.score ?? 0, closest: r.candidates[0]?.intent, truth });
  }
  return samples;
}

describe('the low-confidence line (FEEDBACK_LOW_CONFIDENCE)', () => {
  it('is the configuration default', () => {
    expect(loadConfig({}).FEEDBACK_LOW_CONFIDENCE).toBe(DEFAULT_LOW_CONFIDENCE);
    expect(DEFAULT_LOW_CONFIDENCE).toBe(0.93);
  });

  it('lists answers that are wrong far more often than the rest (blind sets, shipped model)', () => {
    const samples = blindAnswers();
    expect(samples.length).toBeGreaterThan(400);
    const at = flaggingRates(samples, DEFAULT_LOW_CONFIDENCE);
    expect(at.flagged).toBeGreaterThan(0);
    expect(at.wrongBelow).toBeGreaterThan(5 * at.wrongAbove);
    // The line set before the trained recognizer sat under its abstention threshold (0.4): it listed
    // almost nothing (only answers of the renewal-ID rule, from 0.25) and caught no wrong answer.
    expect(flaggingRates(samples, 0.35).flagged).toBeLessThanOrEqual(2);
    expect(flaggingRates(samples, 0.35).recall).toBe(0);
    expect(at.recall).toBeGreaterThan(0);
  });

  it('chooses the lowest line within 0.01 of the best F1', () => {
    const samples: AnsweredSample[] = [
      { confidence: 0.45, right: false }, { confidence: 0.5, right: false }, { confidence: 0.55, right: true },
      { confidence: 0.65, right: false }, { confidence: 0.9, right: true }, { confidence: 0.95, right: true },
    ];
    expect(flaggingRates(samples, 0.6)).toMatchObject({ flagged: 3, recall: 2 / 3 });
    expect(chooseLowConfidenceLine(samples, [0.4, 0.6, 0.7, 0.8]).line).toBe(0.7);
    expect(chooseLowConfidenceLine(samples, [0.4, 0.6, 0.7, 0.8], 0.2).line).toBe(0.6);
    expect(flaggingRates([], 0.6)).toMatchObject({ flagged: 0, f1: 0 });
  });
});

describe('the report\'s suggestion line', () => {
  // The line is chosen on this fixture and the development sets' unanswered questions together
  // (`npm run eval:feedback`); on this fixture alone it is no worse than the old 0.12 line.
  it('separates phrasings of an entry from new topics no worse than the line it replaced, near the best on the labelled fixture', () => {
    const samples = unansweredFixture();
    // 3 since the fifth round's French phrasings (issue 9; 4 after the fourth): the model answers more
    // of the fixture's phrasings itself, so fewer reach the report.
    expect(samples.filter((s) => s.truth !== 'new').length).toBeGreaterThanOrEqual(3);
    expect(samples.filter((s) => s.truth === 'new').length).toBeGreaterThanOrEqual(20);
    const shipped = separation(samples, DEFAULT_PHRASING_LINE);
    const before = separation(samples, 0.12);
    const { middle } = bestSuggestionLines(samples, Array.from({ length: 59 }, (_, i) => (i + 2) / 100));
    expect(shipped.balanced).toBeGreaterThanOrEqual(before.balanced - 0.01);
    expect(shipped.balanced).toBeGreaterThanOrEqual(middle.balanced - 0.15);
    expect(shipped.newTopicsRight).toBeGreaterThan(0.5);
  });

  it('takes the middle of the best run of lines, and counts a phrasing right only with the right entry', () => {
    const samples: LabelledSimilarity[] = [
      { similarity: 0.5, closest: 'grace-period', truth: 'grace-period' },
      { similarity: 0.45, closest: 'installments', truth: 'grace-period' },
      { similarity: 0.1, closest: 'installments', truth: 'new' },
      { similarity: 0.2, closest: 'renewal-id', truth: 'new' },
    ];
    expect(separation(samples, 0.3)).toEqual({ line: 0.3, phrasingsRight: 0.5, newTopicsRight: 1, balanced: 0.75 });
    const { best, middle } = bestSuggestionLines(samples, [0.1, 0.25, 0.3, 0.35, 0.55]);
    expect(best.map((s) => s.line)).toEqual([0.25, 0.3, 0.35]);
    expect(middle.line).toBe(0.3);
  });
});
