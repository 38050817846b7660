#!/usr/bin/env node
// `npm run eval:feedback` (node scripts/feedback-lines.mjs [--set FILE]...): how the feedback loop's two lines were chosen, against the shipped recognizer.
//   1. FEEDBACK_LOW_CONFIDENCE: answers under it are listed in the report as low confidence. From the
//      grouped cross-validation predictions of scripts/evaluate.mjs (the answers the bot would give,
//      with the shipped threshold and "A or B?" rule): how often answers are wrong under each line;
//      the line that best picks out the wrong answers (F1), the lowest within 0.01 of the best.
//      Also the blind sets in test/knowledge, and the labelled sets named with --set.
//   2. The report's suggestion line: on the labelled fixture of unanswered questions
//      (test/services/feedback/fixtures/unansweredQuestions.jsonl), and on the questions of
//      the --set files the bot leaves unanswered (`npm run bench` passes the development sets), which line best tells "add as a phrasing of X"
//      from "new entry" (balanced accuracy).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossValidate, namedSets, readSet } from './evaluate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const imp = (p) => import(path.join(root, 'dist', p));
const { loadKnowledgeBase } = await imp('knowledge/knowledgeBase.js');
const { trainingExamples, OUT_OF_SCOPE_LABEL } = await imp('knowledge/model/trainingData.js');
const { CALIBRATED_TUNING, decide } = await imp('knowledge/recognizer/trainedRecognizer.js');
const { createUnderstanding } = await imp('bot/app.js');
const lines = await imp('services/feedback/report/feedbackLines.js');
const { DEFAULT_LOW_CONFIDENCE } = await imp('services/feedback/feedbackRecorder.js');
const { DEFAULT_PHRASING_LINE } = await imp('services/feedback/report/buildReport.js');

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const grid = (from, to, step) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 100) / 100);
const LOW_GRID = grid(0.4, 0.95, 0.01);
const PHRASING_GRID = grid(0.02, 0.6, 0.01);
const { recognizer } = createUnderstanding();

function printFlagging(name, samples, marks) {
  const wrong = samples.filter((s) => !s.right).length;
  console.log(`${name}: ${samples.length} answers, ${wrong} wrong`);
  for (const line of [0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.91, 0.93, 0.95]) {
    const r = lines.flaggingRates(samples, line);
    const mark = marks.filter(([at]) => Math.abs(at - line) < 1e-9).map(([, label]) => `  <- ${label}`).join('');
    console.log(`  line ${line.toFixed(2)}: listed ${String(r.flagged).padStart(4)} (${pct(r.flagged / samples.length)}) | wrong under it ${pct(r.wrongBelow)} | wrong above it ${pct(r.wrongAbove)} | wrong answers listed ${pct(r.recall)} | F1 ${r.f1.toFixed(3)}${mark}`);
  }
}

// 1. The low-confidence line.
const examples = trainingExamples(loadKnowledgeBase(path.join(root, 'knowledge')).recognizerExamples());
const { predictions } = crossValidate(examples);
const tuning = CALIBRATED_TUNING;
const answeredCv = predictions
  .filter((p) => !p.oosWins && decide(p.p, p.p2, tuning) === 'answer')
  .map((p) => ({ confidence: p.p, right: p.expect !== OUT_OF_SCOPE_LABEL && p.best === p.expect }));
const chosenLow = lines.chooseLowConfidenceLine(answeredCv, LOW_GRID);
console.log(`FEEDBACK_LOW_CONFIDENCE (shipped ${DEFAULT_LOW_CONFIDENCE}, abstention threshold ${tuning.threshold}): cross-validation chooses ${chosenLow.line} (F1 ${chosenLow.f1.toFixed(3)})`);
printFlagging('grouped 5-fold cross-validation', answeredCv, [[chosenLow.line, `chosen (F1 ${chosenLow.f1.toFixed(3)})`], [DEFAULT_LOW_CONFIDENCE, 'shipped']]);

/** The shipped recognizer's answers on a labelled set; and the questions it leaves to the report. */
function onSet(cases, low) {
  const answered = [];
  const unanswered = [];
  for (const c of cases) {
    const r = recognizer.recognize(c.text, { fallbackLang: c.lang });
    if (r.ambiguous) continue;
    const truth = c.expect.length === 1 && (c.expect[0] === 'none' || c.expect[0] === 'new') ? 'new' : c.expect[0];
    if (r.intent !== 'none') answered.push({ confidence: r.score, right: c.expect.includes(r.intent) });
    if (r.intent === 'none' || r.score < low) unanswered.push({ similarity: r.candidates[0]?.score ?? 0, closest: r.candidates[0]?.intent, truth });
  }
  return { answered, unanswered };
}

const blind = ['blind/blind.jsonl', 'blind2/blind2.jsonl'].flatMap((f) => readSet(path.join(root, 'test', 'knowledge', f)));
const named = namedSets(process.argv.slice(2)).filter(([, file]) => existsSync(file));
const extra = named.flatMap(([, file]) => readSet(file));
const extraName = named.map(([name]) => name).join(' + ');
printFlagging('blind sets (test/knowledge/blind, blind2), shipped model', onSet(blind, DEFAULT_LOW_CONFIDENCE).answered, [[DEFAULT_LOW_CONFIDENCE, 'shipped']]);
const blind3 = path.join(root, 'test', 'knowledge', 'blind3', 'blind3.jsonl');
// Written after the lines were chosen: a check the choice never saw.
if (existsSync(blind3)) printFlagging('blind set 3 (test/knowledge/blind3), shipped model', onSet(readSet(blind3), DEFAULT_LOW_CONFIDENCE).answered, [[DEFAULT_LOW_CONFIDENCE, 'shipped']]);
if (extra.length > 0) printFlagging(`${extraName}, shipped model`, onSet(extra, DEFAULT_LOW_CONFIDENCE).answered, [[DEFAULT_LOW_CONFIDENCE, 'shipped']]);

// 2. The suggestion line.
function printSeparation(name, samples) {
  const { best, middle } = lines.bestSuggestionLines(samples, PHRASING_GRID);
  const phrasings = samples.filter((s) => s.truth !== 'new').length;
  console.log(`${name}: ${samples.length} unanswered questions (${phrasings} phrasings of an entry, ${samples.length - phrasings} new topics)`);
  for (const line of [0.05, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
    const s = lines.separation(samples, line);
    const mark = `${line === DEFAULT_PHRASING_LINE ? '  <- shipped' : ''}`;
    console.log(`  line ${line.toFixed(2)}: phrasings -> right entry ${pct(s.phrasingsRight)} | new topics -> new entry ${pct(s.newTopicsRight)} | balanced ${pct(s.balanced)}${mark}`);
  }
  console.log(`  best: ${best.map((s) => s.line.toFixed(2)).join(', ')} (balanced ${pct(middle.balanced)}; middle ${middle.line.toFixed(2)})`);
}
console.log(`\nsuggestion line (shipped ${DEFAULT_PHRASING_LINE}); a question reaches the report when answered none or under ${DEFAULT_LOW_CONFIDENCE}`);
const fixture = readSet(path.join(root, 'test', 'services', 'feedback', 'fixtures', 'unansweredQuestions.jsonl')).map((c) => ({ ...c, expect: [c.expect] }));
const fromFixture = onSet(fixture, DEFAULT_LOW_CONFIDENCE).unanswered;
printSeparation('labelled fixture', fromFixture);
if (extra.length > 0) {
  const fromExtra = onSet(extra, DEFAULT_LOW_CONFIDENCE).unanswered;
  printSeparation(extraName, fromExtra);
  printSeparation('both together (the line is chosen here)', [...fromFixture, ...fromExtra]);
}
