import { cpSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledgeBase } from '../../knowledge/knowledgeBase.js';
import { CONVERSATION_IDS, FAQ_IDS, LANGS } from '../../knowledge/schema.js';
import { fromRoot } from '../../bot/paths.js';
import { readLocaleResources } from '../../bot/i18n.js';
import { formatDateText } from '../../dialogs/formatDate.js';
import { markdownProblems } from '../support/markdown.js';

const kb = loadKnowledgeBase(fromRoot('knowledge'));
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyKnowledge(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
  temps.push(dir);
  cpSync(fromRoot('knowledge'), dir, { recursive: true });
  return dir;
}

describe('the knowledge base', () => {
  it.each(FAQ_IDS)('answers %s in French and in English', (id) => {
    const entry = kb.faq(id);
    for (const lang of LANGS) {
      expect(entry[lang].answer.length).toBeGreaterThan(40);
      expect(entry[lang].title.length).toBeGreaterThan(3);
      expect(entry[lang].phrasings.length).toBeGreaterThanOrEqual(6);
    }
    expect(entry.fr.answer).not.toBe(entry.en.answer);
  });

  it('has phrasings for every conversation intent in both languages', () => {
    for (const id of CONVERSATION_IDS) {
      for (const lang of LANGS) expect(kb.title(id, lang)).toBeTruthy();
    }
  });

  it('never puts a URL in an answer: links come from configuration', () => {
    for (const entry of kb.faqEntries) {
      for (const lang of LANGS) expect(entry[lang].answer).not.toMatch(/https?:\/\/|www\./i);
    }
  });

  it('writes answers in Markdown, which Web Chat and Teams render: lists as "- " or "1. " lines, blocks apart', () => {
    for (const entry of kb.faqEntries) {
      for (const lang of LANGS) expect(markdownProblems(entry[lang].answer), `${entry.id} (${lang})`).toEqual([]);
    }
  });

  it('keeps the facts of the source in both languages', () => {
    const both = (id: (typeof FAQ_IDS)[number], fr: RegExp, en: RegExp) => {
      expect(kb.faq(id).fr.answer).toMatch(fr);
      expect(kb.faq(id).en.answer).toMatch(en);
    };
    both('grace-period', /9 mai 2016|\{\{date:2016-05-09\}\}/, /9 May 2016|\{\{date:2016-05-09\}\}/);
    both('grace-period', /3 octobre 2016|\{\{date:2016-10-03\}\}/, /3 October 2016|\{\{date:2016-10-03\}\}/);
    both('grace-period', /30 jours/, /30-day|30 days/);
    both('expiry-notice', /60 jours/, /60 days/);
    both('expiry-notice', /SymHelp/, /SymHelp/);
    both('support-contacts', /support_solutions@symantec\.com/, /support_solutions@symantec\.com/);
    both('register-serials', /MySymantec/, /MySymantec/);
    both('find-reseller', /Partner Locator/, /Partner Locator/);
    both('installments', /un an/i, /one year|1 year/i);
    both('when-to-renew', /lendemain|jour suivant/i, /day after/i);
  });

  it('keeps dates as data and writes them for each language', () => {
    const entry = kb.faq('grace-period');
    expect(entry.fr.answer).toContain('{{date:2016-05-09}}');
    expect(formatDateText(entry.fr.answer, 'fr')).toContain('9 mai 2016');
    expect(formatDateText(entry.en.answer, 'en')).toContain('3 October 2016');
    for (const e of kb.faqEntries) {
      for (const lang of LANGS) expect(e[lang].answer, e.id).not.toMatch(/\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/);
    }
  });

  it('refuses a malformed entry, naming the file and the entry', () => {
    const dir = copyKnowledge();
    const file = path.join(dir, 'faq', 'grace-period.json');
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.en.answer = '';
    writeFileSync(file, JSON.stringify(entry));
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledgeBase(dir)).toThrow(/grace-period\.json entry "grace-period": en\.answer/);
    expect(() => loadKnowledgeBase(dir)).toThrow(expect.objectContaining({ name: 'KnowledgeError' }));
  });

  it('refuses a related id that does not exist', () => {
    const dir = copyKnowledge();
    const file = path.join(dir, 'faq', 'symhelp.json');
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.related = ['no-such-topic'];
    writeFileSync(file, JSON.stringify(entry));
    expect(() => loadKnowledgeBase(dir)).toThrow(/symhelp\.json entry "symhelp": related\.0/);
  });

  it('refuses a file that is not JSON', () => {
    const dir = copyKnowledge();
    writeFileSync(path.join(dir, 'faq', 'installments.json'), '{ "id": ');
    expect(() => loadKnowledgeBase(dir)).toThrow(/installments\.json: is not valid JSON/);
  });

  it('refuses a knowledge base with a missing entry', () => {
    const dir = copyKnowledge();
    rmSync(path.join(dir, 'faq', 'renewal-id.json'));
    expect(() => loadKnowledgeBase(dir)).toThrow(/missing renewal-id\.json/);
  });
});

describe('the locale files', () => {
  it('have the same keys in French and English', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const { fr, en } = readLocaleResources();
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
});
