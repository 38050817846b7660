import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  CONVERSATION_IDS, FAQ_IDS, conversationIntentSchema, isFaqId, faqEntrySchema, outOfScopeSchema,
  type ConversationId, type ConversationIntent, type FaqEntry, type FaqId, type IntentId, type Lang, type OutOfScope,
} from './schema.js';
import type { RecognizerExamples } from './recognizer/recognizer.js';
import { formatIssues } from './validation/formatIssues.js';

/** A knowledge file that is missing, unreadable or malformed; the message names file and entry. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
}

/** The FAQ answers and the example phrasings of every intent, validated. */
export class KnowledgeBase {
  private readonly faqById: ReadonlyMap<FaqId, FaqEntry>;
  private readonly intentById: ReadonlyMap<ConversationId, ConversationIntent>;

  constructor(readonly faqEntries: readonly FaqEntry[], readonly conversationIntents: readonly ConversationIntent[], readonly outOfScope: OutOfScope) {
    this.faqById = new Map(faqEntries.map((e) => [e.id, e]));
    this.intentById = new Map(conversationIntents.map((i) => [i.id, i]));
  }

  faq(id: FaqId): FaqEntry {
    const entry = this.faqById.get(id);
    if (!entry) throw new KnowledgeError(`no FAQ entry "${id}"`);
    return entry;
  }

  /** The button label of any intent in a language. */
  title(id: IntentId, lang: Lang): string {
    const entry = isFaqId(id) ? this.faqById.get(id) : this.intentById.get(id);
    if (!entry) throw new KnowledgeError(`no intent "${id}"`);
    return entry[lang].title;
  }

  recognizerExamples(): RecognizerExamples {
    return {
      intents: [...this.faqEntries, ...this.conversationIntents].map((i) => ({
        id: i.id,
        titles: { fr: i.fr.title, en: i.en.title },
        phrasings: { fr: i.fr.phrasings, en: i.en.phrasings },
        descriptions: 'answer' in i.fr && 'answer' in i.en ? { fr: [withoutDates(i.fr.answer)], en: [withoutDates(i.en.answer)] } : undefined,
      })),
      outOfScope: this.outOfScope,
      languageCorpus: {
        fr: this.faqEntries.map((e) => withoutDates(e.fr.answer)),
        en: this.faqEntries.map((e) => withoutDates(e.en.answer)),
      },
    };
  }
}

/** Answers keep dates as `{{date:YYYY-MM-DD}}` (formatted per language when shown); matching skips them. */
function withoutDates(answer: string): string {
  return answer.replace(/\{\{date:[^}]*\}\}/g, ' ');
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new KnowledgeError(`${file}: is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const data = readJson(file);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const entry = typeof data === 'object' && data !== null && 'id' in data ? ` entry "${String(data.id)}"` : '';
  const problems = formatIssues(result.error);
  throw new KnowledgeError(`${file}${entry}: ${problems}`);
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
}

/**
 * Reads and validates knowledge/faq/*.json, knowledge/intents/*.json and
 * knowledge/out-of-scope.json. Throws a KnowledgeError naming the file and the entry at the
 * first problem: a malformed entry, a file named after another id, a missing or repeated id,
 * or a related id that does not exist.
 */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const faq = jsonFiles(path.join(dir, 'faq')).map((file) => checkName(file, parseFile(file, faqEntrySchema)));
  const intents = jsonFiles(path.join(dir, 'intents')).map((file) => checkName(file, parseFile(file, conversationIntentSchema)));
  const outOfScope = parseFile(path.join(dir, 'out-of-scope.json'), outOfScopeSchema);
  requireAll('faq', FAQ_IDS, faq.map((e) => e.id));
  requireAll('intents', CONVERSATION_IDS, intents.map((i) => i.id));
  for (const entry of faq) {
    const self = entry.related.find((r) => r === entry.id);
    if (self) throw new KnowledgeError(`${path.join(dir, 'faq', `${entry.id}.json`)} entry "${entry.id}": related lists the entry itself`);
  }
  return new KnowledgeBase(faq, intents, outOfScope);
}

function checkName<T extends { id: string }>(file: string, entry: T): T {
  if (path.basename(file, '.json') !== entry.id) throw new KnowledgeError(`${file} entry "${entry.id}": the file must be named ${entry.id}.json`);
  return entry;
}

function requireAll(folder: string, expected: readonly string[], found: readonly string[]): void {
  const missing = expected.filter((id) => !found.includes(id));
  if (missing.length > 0) throw new KnowledgeError(`knowledge/${folder}: missing ${missing.map((m) => `${m}.json`).join(', ')}`);
}
