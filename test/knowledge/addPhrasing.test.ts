import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../bot/app.js';
import { fromRoot } from '../../bot/paths.js';
import { addPhrasing, PhrasingRefused } from '../../knowledge/addPhrasing.js';
import { loadKnowledgeBase } from '../../knowledge/knowledgeBase.js';
import { IntentModel } from '../../knowledge/model/intentModel.js';
import { trainingExamples } from '../../knowledge/model/trainingData.js';
import { TrainedRecognizer } from '../../knowledge/recognizer/trainedRecognizer.js';

/** A question the shipped knowledge base does not answer as grace-period. */
const MISSED = 'we blew past the cutoff by a fortnight, any slack?';

/** The recognizer trained on the knowledge files of `dir`, through the public loading API. */
function recognizerOf(dir: string): TrainedRecognizer {
  const examples = loadKnowledgeBase(dir).recognizerExamples();
  return new TrainedRecognizer(examples, IntentModel.train(trainingExamples(examples), 'test'));
}

describe('kb:add-phrasing', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'kb-')), 'knowledge');
    cpSync(fromRoot('knowledge'), dir, { recursive: true });
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('makes the recognizer answer a question it missed', () => {
    // The copied knowledge is the shipped one: the shipped model says how it reads MISSED before.
    expect(createUnderstanding().recognizer.recognize(MISSED).intent).not.toBe('grace-period');
    addPhrasing(dir, 'grace-period', 'en', MISSED);
    expect(recognizerOf(dir).recognize(MISSED).intent).toBe('grace-period');
    const saved: unknown = JSON.parse(readFileSync(path.join(dir, 'faq', 'grace-period.json'), 'utf8'));
    expect(JSON.stringify(saved)).toContain(MISSED);
  }, 180_000);

  it('makes the bot\'s own recognizer (the trained model, retrained at start as after any knowledge change) answer the questions the report listed', () => {
    const listed = [
      { id: 'grace-period', lang: 'en', text: MISSED },
      { id: 'installments', lang: 'fr', text: 'puis-je payer par carte bancaire ?' },
      { id: 'support-contacts', lang: 'en', text: 'we hired a new sysadmin, will your hotline talk to her' },
    ] as const;
    const shipped = createUnderstanding().recognizer;
    for (const q of listed) expect(shipped.recognize(q.text).intent).not.toBe(q.id);
    for (const q of listed) addPhrasing(dir, q.id, q.lang, q.text);
    const { recognizer } = createUnderstanding(dir, path.join(path.dirname(dir), 'intent-model.bin'));
    for (const q of listed) expect(recognizer.recognize(q.text)).toMatchObject({ intent: q.id, ambiguous: false });
  }, 180_000);

  it('keeps the file formatted as the others (two spaces, final newline) and changes nothing else', () => {
    const file = path.join(dir, 'faq', 'grace-period.json');
    const before = readFileSync(file, 'utf8');
    addPhrasing(dir, 'grace-period', 'fr', 'on a dépassé la date butoir, il reste un peu de marge ?');
    const after = readFileSync(file, 'utf8');
    expect(after.endsWith('\n')).toBe(true);
    expect(after.replace(/,\n\s+"on a dépassé la date butoir, il reste un peu de marge \?"/, '')).toBe(before);
  });

  it('refuses an unknown id, an unknown language, a duplicate (even in other case and accents) and an empty text', () => {
    expect(() => addPhrasing(dir, 'no-such-entry', 'en', 'hello there')).toThrow(PhrasingRefused);
    expect(() => addPhrasing(dir, 'no-such-entry', 'en', 'hello there')).toThrow(/unknown id "no-such-entry"/);
    expect(() => addPhrasing(dir, 'grace-period', 'de', 'Gnadenfrist?')).toThrow(/unknown language "de"/);
    expect(() => addPhrasing(dir, 'grace-period', 'fr', 'DELAI DE GRACE')).toThrow(/already a phrasing of "grace-period"/);
    expect(() => addPhrasing(dir, 'installments', 'en', 'grace period?')).toThrow(/already a phrasing of "grace-period"/);
    expect(() => addPhrasing(dir, 'grace-period', 'en', '  ?! ')).toThrow(/empty/);
    expect(() => addPhrasing(dir, 'grace-period', 'en', 'x'.repeat(301))).toThrow(/300/);
  });

  it('adds to a conversation intent too', () => {
    addPhrasing(dir, 'talk-to-agent', 'en', 'put a human on the line for me');
    expect(loadKnowledgeBase(dir).conversationIntents.find((i) => i.id === 'talk-to-agent')?.en.phrasings).toContain('put a human on the line for me');
  });
});
