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
  const answer = formatDateText(entry[lang].answer, lang);
  const text = intro ? `${intro}\n\n${answer}` : answer;
  const buttons: CardAction[] = [];
  for (const key of entry.links) {
    const url = links[key];
    if (url) buttons.push(linkButton(t(`links.${key}`), url));
  }
  for (const related of entry.related) buttons.push(replyButton(kb.title(related, lang)));
  return MessageFactory.suggestedActions(buttons, text);
}

/** Buttons for a list of intents, labelled with their titles. */
export function topicButtons(ids: readonly IntentId[], kb: KnowledgeBase, lang: Lang): CardAction[] {
  return ids.map((id) => replyButton(kb.title(id, lang)));
}
