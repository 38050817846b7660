import { MessageFactory, type Activity, type CardAction } from 'botbuilder-core';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase.js';
import type { FaqId, IntentId, Lang } from '../../knowledge/schema.js';
import type { Translate } from '../translation.js';
import { formatDateText } from '../formatDate.js';
import { linkButton, replyButton } from './buttons.js';
import type { LinkUrls } from './links.js';

export interface FaqReplyOptions {
  kb: KnowledgeBase;
  links: LinkUrls;
  lang: Lang;
  t: Translate;
}

/**
 * The answer to one FAQ entry: the text in the user's language, then the configured links
 * it names and its related questions as buttons.
 */
export function faqReply(id: FaqId, { kb, links, lang, t }: FaqReplyOptions, intro?: string): Partial<Activity> {
  const entry = kb.faq(id);
  const answer = answerText(entry[lang].answer, lang);
  const text = intro ? `${intro}\n\n${answer}` : answer;
  const buttons: CardAction[] = [];
  for (const key of entry.links) {
    const url = links[key];
    if (url) buttons.push(linkButton(t(`links.${key}`), url));
  }
  for (const related of entry.related) buttons.push(replyButton(kb.title(related, lang)));
  return MessageFactory.suggestedActions(buttons, text);
}

/**
 * The knowledge base's answers with their dates written out, per language. The answers and
 * their dates are fixed while the bot runs, so each is worked out once (no regular expression
 * or date formatting per turn). Bounded by the number of entries, with a cap in case.
 */
const answers: Record<Lang, Map<string, string>> = { fr: new Map(), en: new Map() };
const MAX_ANSWERS = 1000;

function answerText(raw: string, lang: Lang): string {
  const known = answers[lang];
  const hit = known.get(raw);
  if (hit !== undefined) return hit;
  const text = formatDateText(raw, lang);
  if (known.size >= MAX_ANSWERS) known.clear();
  known.set(raw, text);
  return text;
}

/** Buttons for a list of intents, labelled with their titles. */
export function topicButtons(ids: readonly IntentId[], kb: KnowledgeBase, lang: Lang): CardAction[] {
  return ids.map((id) => replyButton(kb.title(id, lang)));
}
