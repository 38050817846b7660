import type { CardAction } from 'botbuilder-core';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { LANGS, type Lang } from '../knowledge/language/lang.js';

/**
 * Writes buttons already sent in one language in the other: a label is looked up among the
 * strings of the locale files and the topic titles of the knowledge base, and replaced by
 * the same string or title in the other language. A label that is neither (a renewal ID)
 * stays as it is, and so does a link's URL.
 */
export class ButtonLabels {
  /** Per language: label → the same label in each language. */
  private readonly labels = new Map<Lang, Map<string, Record<Lang, string>>>();

  constructor(resources: Record<Lang, unknown>, kb: KnowledgeBase) {
    const flat = { fr: flatten(resources.fr), en: flatten(resources.en) };
    const pairs: Array<Record<Lang, string>> = [];
    for (const [key, fr] of flat.fr) {
      const en = flat.en.get(key);
      // Strings with placeholders are never button labels as they are written in the file.
      if (en !== undefined && !fr.includes('{{')) pairs.push({ fr, en });
    }
    for (const entry of [...kb.faqEntries, ...kb.conversationIntents]) pairs.push({ fr: kb.title(entry.id, 'fr'), en: kb.title(entry.id, 'en') });
    for (const lang of LANGS) {
      const byLabel = new Map<string, Record<Lang, string>>();
      // Topic titles come last and win: a button most often names a topic.
      for (const pair of pairs) byLabel.set(pair[lang], pair);
      this.labels.set(lang, byLabel);
    }
  }

  /** The label in `to`, found in whichever language it was written. */
  translate(label: string, to: Lang): string {
    for (const lang of LANGS) {
      const pair = this.labels.get(lang)?.get(label);
      if (pair) return pair[to];
    }
    return label;
  }

  /** The same buttons in `to`: a button that sends its label back sends the new label. */
  translateActions(actions: readonly CardAction[], to: Lang): CardAction[] {
    return actions.map((action) => {
      const title = this.translate(action.title, to);
      const sendsTitle = action.value === action.title;
      return { ...action, title, ...(sendsTitle ? { value: title } : {}) };
    });
  }
}

/** "a.b.c" → string, for every string of a locale file. */
function flatten(node: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') into.set(prefix, node);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}
