import { MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder-core';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase.js';
import type { CustomerNotice, CustomerNotifier, HandoffCase, NoticeDelivery } from '../../services/handoff/index.js';
import { MAIN_TOPICS } from '../mainDialog.js';
import { topicButtons } from '../replies/faqReply.js';
import type { Translator } from '../translation.js';
import { toReference } from './customerAddress.js';
import { formatBackAt } from './formatBackAt.js';

/** Continues a conversation from outside a turn: CloudAdapter.continueConversationAsync with the bot's app id. */
export interface ProactiveSender {
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface ProactiveNotifierOptions {
  sender: ProactiveSender;
  translator: Translator;
  kb: KnowledgeBase;
  /** The support desk's time zone, for "agents are back at". */
  timeZone: string;
  logger: Logger;
}

/**
 * Tells the customer, in their conversation and language, what happens to their case: the
 * agent joined, the agent's replies (with the agent's name), the hand-back to the bot, the
 * closing with its resolution, no agent yet. Works on every channel the adapter reaches
 * (Web Chat, Teams, the embedded Direct Line), from any instance: the address is kept with the case.
 */
export class ProactiveNotifier implements CustomerNotifier {
  constructor(private readonly options: ProactiveNotifierOptions) {}

  async notify(handoffCase: HandoffCase, notice: CustomerNotice): Promise<NoticeDelivery> {
    const reference = toReference(handoffCase.address);
    if (!reference) {
      this.options.logger.warn({ caseId: handoffCase.id }, 'handoff: the case has no usable conversation address');
      return 'failed';
    }
    const reply = this.replyFor(handoffCase, notice);
    // The adapter hands a failed turn to its error handler and resolves: only reaching the end
    // of the send says the customer has it. Caught here, the failure also sends no apology.
    let sent = false;
    let failure: unknown;
    try {
      await this.options.sender.continueConversation(reference, async (context) => {
        try {
          await context.sendActivity(reply);
          sent = true;
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (sent) return 'delivered';
    this.options.logger.error({ err: failure, caseId: handoffCase.id, notice: notice.kind }, 'handoff: the message to the customer failed');
    return 'failed';
  }

  private replyFor(handoffCase: HandoffCase, notice: CustomerNotice) {
    const lang = handoffCase.lang;
    const t = this.options.translator.forLang(lang);
    const caseId = handoffCase.id;
    switch (notice.kind) {
      case 'claimed':
        return MessageFactory.text(t('handoff.claimed', { agent: notice.agent, caseId }));
      case 'agent-message':
        return MessageFactory.text(t('handoff.fromAgent', { agent: notice.agent, text: notice.text }));
      case 'released':
        return MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, this.options.kb, lang), t('handoff.released'));
      case 'closed':
        return MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, this.options.kb, lang), t('handoff.closed', { caseId, resolution: notice.resolution }));
      case 'no-agent':
        return MessageFactory.text(notice.backAt
          ? t('handoff.noAgent', { caseId, backAt: formatBackAt(notice.backAt, lang, this.options.timeZone) })
          : t('handoff.noAgentSoon', { caseId }));
    }
  }
}
