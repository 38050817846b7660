import { ActivityHandler, MessageFactory, TurnContext, type BotState, type StatePropertyAccessor } from 'botbuilder-core';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import type { MainDialog } from '../dialogs/mainDialog.js';
import { MAIN_TOPICS } from '../dialogs/mainDialog.js';
import { topicButtons } from '../dialogs/replies/faqReply.js';
import type { TurnUnderstanding } from '../dialogs/turnUnderstanding.js';
import type { Translator } from './i18n.js';

export interface RenewalBotOptions {
  conversationState: BotState;
  userState: BotState;
  dialogState: StatePropertyAccessor;
  mainDialog: MainDialog;
  understanding: TurnUnderstanding;
  translator: Translator;
  kb: KnowledgeBase;
  /** Wraps each turn: relays messages to a support agent while a case is open (dialogs/handoff). */
  handoff?: { around(context: TurnContext, next: () => Promise<void>): Promise<void> };
}

/**
 * Turns channel events into dialog turns: messages go to the main dialog; a new member or
 * a Teams installation gets a welcome. State is saved after every turn.
 */
export class RenewalBot extends ActivityHandler {
  constructor(private readonly options: RenewalBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      // In Teams channels the message starts with "@Bot": that is not part of the question.
      TurnContext.removeRecipientMention(context.activity);
      await options.mainDialog.run(context, options.dialogState);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Teams says hello through installationUpdate; greeting every member who joins a team
      // channel would flood it. Elsewhere (Web Chat, Emulator) the user joining is the cue.
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      const teams = context.activity.channelId === 'msteams';
      if (!teams && newcomers.length > 0 && context.activity.conversation?.isGroup !== true) await this.welcome(context);
      await next();
    });
    // The support page's FR/EN toggle: an explicit choice, answered by the page itself.
    this.onEvent(async (context, next) => {
      const { name, value } = context.activity;
      if (name === 'setLanguage' && (value === 'fr' || value === 'en')) await options.understanding.choose(context, value);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const handoff = this.options.handoff;
    await (handoff ? handoff.around(context, () => super.run(context)) : super.run(context));
    await this.options.conversationState.saveChanges(context, false);
    await this.options.userState.saveChanges(context, false);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const lang = await this.options.understanding.languageOf(context);
    const t = this.options.translator.forLang(lang);
    await context.sendActivity(MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, this.options.kb, lang), t('welcome')));
  }
}
