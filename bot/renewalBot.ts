import { ActivityHandler, MessageFactory, TurnContext, type Activity, type BotState, type CardAction, type StatePropertyAccessor } from 'botbuilder-core';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import type { MainDialog } from '../dialogs/mainDialog.js';
import { MAIN_TOPICS } from '../dialogs/mainDialog.js';
import { topicButtons } from '../dialogs/replies/faqReply.js';
import type { TurnUnderstanding } from '../dialogs/turnUnderstanding.js';
import type { Translator } from './i18n.js';
import { isETagConflict, loadTogether, TurnQueue } from './state/index.js';
import type { ButtonLabels } from './buttonLabels.js';
import type { Lang } from '../knowledge/language/lang.js';

/** The conversation-state property holding the buttons of the bot's last message. */
const LAST_BUTTONS = 'lastButtons';

/** botbuilder-dialogs' turn-state key for DialogStateManagerConfiguration (memory/dialogStateManager.js). */
export const DIALOG_MEMORY_KEY = 'DialogStateManagerConfiguration';

export interface RenewalBotOptions {
  conversationState: BotState;
  /** Per user within a conversation: the dialog stack and the verified contracts. */
  privateState: BotState;
  userState: BotState;
  dialogState: StatePropertyAccessor;
  /** Told when a turn's state was not saved because another process changed it meanwhile. */
  onStateConflict?: (context: TurnContext, error: Error) => void;
  mainDialog: MainDialog;
  understanding: TurnUnderstanding;
  translator: Translator;
  kb: KnowledgeBase;
  /** Rewrites the buttons on screen when the page's FR/EN toggle switches language. */
  buttonLabels: ButtonLabels;
  /** Wraps each turn: relays messages to a support agent while a case is open (dialogs/handoff). */
  handoff?: { around(context: TurnContext, next: () => Promise<void>): Promise<void> };
}

/**
 * Turns channel events into dialog turns: messages go to the main dialog; a new member or
 * a Teams installation gets a welcome. State is saved after every turn.
 */
export class RenewalBot extends ActivityHandler {
  /** The buttons of the bot's last message (Web Chat shows only those), to re-send them in another language. */
  private readonly lastButtons: StatePropertyAccessor<CardAction[]>;

  constructor(private readonly options: RenewalBotOptions) {
    super();
    this.lastButtons = options.conversationState.createProperty<CardAction[]>(LAST_BUTTONS);
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
      if (name === 'setLanguage' && (value === 'fr' || value === 'en')) await this.switchLanguage(context, value);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  private readonly turns = new TurnQueue();

  /**
   * The dialogs' memory configuration (memory scopes, path resolvers). botbuilder-dialogs builds
   * it through a service container in the first DialogContext of every turn and keeps it in
   * the turn state under this key; its parts hold no turn data, so the first turn's is reused.
   */
  private dialogMemory: unknown;

  /** One turn at a time per conversation in this process; state saved with the eTags read. */
  override async run(context: TurnContext): Promise<void> {
    const { channelId, conversation } = context.activity;
    await this.turns.run(`${channelId}/${conversation?.id ?? ''}`, async () => {
      if (this.dialogMemory !== undefined) context.turnState.set(DIALOG_MEMORY_KEY, this.dialogMemory);
      context.onSendActivities(async (sendContext, activities, next) => {
        const message = lastMessageOf(activities);
        if (message) {
          const buttons = message.suggestedActions?.actions ?? [];
          // The conversation state is loaded before the turn runs: set in place, without the accessor's async round.
          const loaded = this.options.conversationState.get(sendContext);
          if (loaded) loaded[LAST_BUTTONS] = buttons;
          else await this.lastButtons.set(sendContext, buttons);
        }
        return next();
      });
      // Together: on SQLite one statement reads the three, and the three saves share one commit (SqliteTickWriter).
      const { conversationState, privateState, userState } = this.options;
      await loadTogether(context, [conversationState, privateState, userState]);
      const handoff = this.options.handoff;
      await (handoff ? handoff.around(context, () => super.run(context)) : super.run(context));
      await Promise.all([conversationState, privateState, userState].map((state) => this.save(state, context)));
      this.dialogMemory ??= context.turnState.get(DIALOG_MEMORY_KEY);
    });
  }

  /**
   * A stale eTag means another process handled a turn of this conversation meanwhile: its
   * version is kept and this turn's changes to that state are dropped (the replies are sent).
   */
  private async save(state: BotState, context: TurnContext): Promise<void> {
    try {
      await state.saveChanges(context, false);
    } catch (error) {
      if (!(error instanceof Error) || !isETagConflict(error)) throw error;
      this.options.onStateConflict?.(context, error);
    }
  }

  /**
   * The toggle is an explicit choice; the buttons on screen were written in the old language,
   * so the bot sends the same row again in the new one.
   */
  private async switchLanguage(context: TurnContext, lang: Lang): Promise<void> {
    await this.options.understanding.choose(context, lang);
    const buttons = await this.lastButtons.get(context, []);
    const translated = this.options.buttonLabels.translateActions(buttons, lang);
    // Nothing on screen, or already in that language: nothing to send.
    if (translated.every((button, i) => button.title === buttons[i]?.title)) return;
    const t = this.options.translator.forLang(lang);
    await context.sendActivity(MessageFactory.suggestedActions(translated, t('languageToggle.sameButtons')));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const lang = await this.options.understanding.languageOf(context);
    const t = this.options.translator.forLang(lang);
    await context.sendActivity(MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, this.options.kb, lang), t('welcome')));
  }
}

/** The last message among activities being sent (a reply may come with typing or events). */
function lastMessageOf(activities: readonly Partial<Activity>[]): Partial<Activity> | undefined {
  for (let i = activities.length - 1; i >= 0; i -= 1) if (activities[i]?.type === 'message') return activities[i];
  return undefined;
}
