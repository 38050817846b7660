import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { conversationIntentSchema, faqEntrySchema, isConversationId, isFaqId, LANGS, type Lang } from './schema.js';
import { KnowledgeError, loadKnowledgeBase } from './knowledgeBase.js';
import { foldText } from './text/foldText.js';

/** A phrasing the knowledge files refuse; the message says why. */
export class PhrasingRefused extends KnowledgeError {}

/**
 * Adds an accepted suggestion to an intent's phrasings in the knowledge files (`faq/<id>.json`
 * or `intents/<id>.json`), after checking it against the knowledge schema. Refuses an unknown id
 * or language, an empty or over-long text, and a phrasing that any entry already has (compared
 * folded: case, accents and punctuation aside). The file is replaced in one step.
 *
 * @returns the file written
 * @example
 * addPhrasing('knowledge', 'grace-period', 'en', 'any slack after the end date?')
 */
export function addPhrasing(dir: string, id: string, lang: string, text: string): string {
  if (!isLang(lang)) throw new PhrasingRefused(`unknown language "${lang}" (expected ${LANGS.join(' or ')})`);
  const folder = isFaqId(id) ? 'faq' : isConversationId(id) ? 'intents' : undefined;
  if (!folder) throw new PhrasingRefused(`unknown id "${id}": it is neither an FAQ entry nor a conversation intent`);
  const phrasing = text.trim();
  if (foldText(phrasing) === '') throw new PhrasingRefused('the phrasing is empty (or only symbols)');
  if (phrasing.length > 300) throw new PhrasingRefused('the phrasing is longer than 300 characters: keep it to one question');

  const kb = loadKnowledgeBase(dir);
  const folded = foldText(phrasing);
  for (const entry of [...kb.faqEntries, ...kb.conversationIntents]) {
    for (const l of LANGS) {
      if ([entry[l].title, ...entry[l].phrasings].some((p) => foldText(p) === folded)) {
        throw new PhrasingRefused(`"${phrasing}" is already a phrasing of "${entry.id}" (${l})`);
      }
    }
  }

  const file = path.join(dir, folder, `${id}.json`);
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const schema = folder === 'faq' ? faqEntrySchema : conversationIntentSchema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new KnowledgeError(`${file}: does not match the knowledge schema before the change`);
  const updated = addTo(raw, lang, phrasing);
  const checked = schema.safeParse(updated);
  if (!checked.success) throw new PhrasingRefused(`${file}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify(updated, null, 2)}\n`);
  renameSync(temp, file);
  return file;
}

/** The same entry with one more phrasing in `lang`, keys kept in their order. */
function addTo(raw: unknown, lang: Lang, phrasing: string): unknown {
  if (typeof raw !== 'object' || raw === null || !(lang in raw)) return raw;
  const entry: Record<string, unknown> = { ...raw };
  const localized = entry[lang];
  if (typeof localized !== 'object' || localized === null || !('phrasings' in localized) || !Array.isArray(localized.phrasings)) return raw;
  entry[lang] = { ...localized, phrasings: [...localized.phrasings, phrasing] };
  return entry;
}

function isLang(value: string): value is Lang {
  return LANGS.some((l) => l === value);
}
