import {
  ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog,
  type Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext,
} from './sdk.js';
import { MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder-core';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { isFaqId, type ConversationId, type FaqId, type IntentId } from '../knowledge/schema.js';
import { targetLanguage } from './languageChoice.js';
import { faqReply, topicButtons } from './replies/faqReply.js';
import { replyButton } from './replies/buttons.js';
import type { LinkUrls } from './replies/links.js';
import { isCommand, type Turn, type TurnUnderstanding } from './turnUnderstanding.js';
import { isReroute } from './dialogOutcome.js';
import type { FeedbackFlow } from './feedback/index.js';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE = 'mainDialog.route';

/** Topics offered when the bot greets, helps, or does not understand. */
export const MAIN_TOPICS: readonly IntentId[] = ['check-status', 'renewal-process', 'grace-period', 'renewal-id', 'talk-to-agent'];

/**
 * The FAQ answer given for a conversation intent whose dialog the bot does not have: it is
 * honest about what it cannot do yet and gives the closest facts.
 */
export const FALLBACK_FAQ: Readonly<Partial<Record<ConversationId, FaqId>>> = {
  'talk-to-agent': 'who-to-contact',
};

export interface MainDialogOptions {
  kb: KnowledgeBase;
  understanding: TurnUnderstanding;
  links: LinkUrls;
  /** Dialogs that take over a conversation intent (contract status, renewal walkthrough…). */
  children?: Partial<Record<ConversationId, Dialog>>;
  /**
   * Answers that depend on the user's own contracts ("align my end dates", "where was I?");
   * returns true when it answered the turn itself or started a dialog.
   */
  personal?: PersonalRouter;
  /** Told when a message was not understood; returns true when it answered instead (offers a person). */
  notUnderstood?: (context: TurnContext, turn: Turn) => Promise<boolean>;
  /** "Was this helpful?" under answers, and the recording of what the bot could not answer. */
  feedback?: FeedbackFlow;
  /**
   * Reads every message first in a shared conversation (Teams channel, group chat): returns true
   * when it answered instead, e.g. a contract request sent to a personal chat.
   */
  groupGate?: { handle(context: TurnContext, turn: Turn): Promise<boolean> };
}

/** A dialog to start for this message. */
export interface DialogStart {
  dialogId: string;
  options?: object;
}

/**
 * Routes the messages that only make sense for a user with contracts in this conversation:
 * `handled` when it answered, a dialog to start, or undefined when the message is not its own.
 */
export interface PersonalRouter {
  route(context: TurnContext, turn: Turn): Promise<'handled' | DialogStart | undefined>;
}

/** What the route waterfall starts with: the dialog routing chose for this message. */
interface RouteOptions {
  start: DialogStart;
  /** The message already came back once from a child this turn: it is not routed a third time. */
  rerouted?: boolean;
}

/**
 * Routes every message by intent, and handles once, for every dialog below it, what a user
 * may say at any moment: help, cancel, and a change of language.
 */
export class MainDialog extends ComponentDialog {
  private readonly children: Partial<Record<ConversationId, Dialog>>;

  constructor(private readonly options: MainDialogOptions) {
    super(MAIN_DIALOG);
    this.children = options.children ?? {};
    for (const child of Object.values(this.children)) this.addDialog(child);
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.afterChildStep.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  /**
   * Runs one turn: continues the active dialog, or routes the new message. Most messages
   * (questions, small talk) are answered in one turn without any dialog; the dialog machinery,
   * which costs about a millisecond a turn, only runs when a dialog is active or starts.
   */
  async run(context: TurnContext, dialogState: StatePropertyAccessor): Promise<void> {
    if (await this.options.groupGate?.handle(context, await this.options.understanding.of(context))) return;
    let start: DialogStart | undefined;
    if (!hasActiveDialog(await dialogState.get(context, { dialogStack: [] }))) {
      start = await this.answer(context, await this.options.understanding.of(context));
      if (!start) return;
    }
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    if (start) {
      await dc.beginDialog(this.id, { start } satisfies RouteOptions);
      return;
    }
    const result = await dc.continueDialog();
    // A stack that ended in between (e.g. a dialog removed by a release): route the message now.
    if (result.status === DialogTurnStatus.empty) {
      const fresh = await this.answer(context, await this.options.understanding.of(context));
      if (fresh) await dc.beginDialog(this.id, { start: fresh } satisfies RouteOptions);
    }
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const turn = await this.options.understanding.of(innerDc.context);
    if (isCommand(turn, 'cancel')) {
      await innerDc.cancelAllDialogs();
      await innerDc.context.sendActivity(MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, this.options.kb, turn.lang), turn.t('cancel.done')));
      return innerDc.endDialog();
    }
    // A command word ("retour", "stop") belongs to the active dialog, whatever intent it resembles.
    const intent = turn.recognition.ambiguous || turn.commands.exact.size > 0 ? undefined : turn.recognition.intent;
    if (intent === 'help' || intent === 'change-language') {
      await this.answerCommon(innerDc.context, turn, intent);
      // Carry on where the user was: the active dialog asks its question again.
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return super.onContinueDialog(innerDc);
  }

  private async routeStep(step: WaterfallStepContext<RouteOptions>): Promise<DialogTurnResult> {
    return step.beginDialog(step.options.start.dialogId, step.options.start.options);
  }

  /**
   * A child dialog that meets a message it does not handle (a question in the middle of the
   * walkthrough) ends with a `reroute` outcome: the message is routed once more, in the same turn.
   */
  private async afterChildStep(step: WaterfallStepContext<RouteOptions>): Promise<DialogTurnResult> {
    if (!isReroute(step.result) || step.options.rerouted) return step.endDialog();
    const start = await this.answer(step.context, await this.options.understanding.of(step.context), { duringDialog: true });
    return start ? step.replaceDialog(ROUTE, { start, rerouted: true } satisfies RouteOptions) : step.endDialog();
  }

  /** Answers the message, or says which dialog must start to answer it. */
  private async answer(context: TurnContext, turn: Turn, from: { duringDialog?: boolean } = {}): Promise<DialogStart | undefined> {
    if (await this.options.feedback?.beforeAnswer(context, turn)) return undefined;
    if (await this.rejectEmpty(context, turn)) return undefined;
    const personal = await this.options.personal?.route(context, turn);
    if (personal === 'handled') return undefined;
    if (personal) return personal;
    const { recognition } = turn;
    if (recognition.ambiguous) {
      await this.askWhichOne(context, turn);
      return undefined;
    }
    const intent = recognition.intent;
    if (intent === 'none') {
      await this.sayNotUnderstood(context, turn);
      await this.options.feedback?.notUnderstood(context, turn);
      return undefined;
    }
    if (isFaqId(intent)) {
      const reply = faqReply(intent, this.replyOptions(turn));
      // Never asked while a dialog (the contract walkthrough) handed the question over.
      const duringDialog = from.duringDialog === true;
      await context.sendActivity(this.options.feedback ? await this.options.feedback.offer(context, turn, intent, reply, { duringDialog }) : reply);
      return undefined;
    }
    // A person takes over (the handoff dialog): the report counts what led there.
    if (intent === 'talk-to-agent') await this.options.feedback?.handedOff(context, turn);
    const child = this.children[intent];
    if (child) return { dialogId: child.id };
    await this.answerCommon(context, turn, intent);
    return undefined;
  }

  /** Replies to the conversation intents that need no dialog of their own. */
  private async answerCommon(context: TurnContext, turn: Turn, intent: ConversationId): Promise<void> {
    const { kb } = this.options;
    const topics = () => topicButtons(MAIN_TOPICS, kb, turn.lang);
    switch (intent) {
      case 'greeting':
        await context.sendActivity(MessageFactory.suggestedActions(topics(), turn.t('greeting')));
        return;
      case 'help':
        await context.sendActivity(MessageFactory.suggestedActions(topics(), turn.t('help')));
        return;
      case 'thanks':
        await context.sendActivity(turn.t('thanks'));
        return;
      case 'goodbye':
        await context.sendActivity(turn.t('goodbye'));
        return;
      case 'change-language': {
        const switched = await this.options.understanding.switchTo(context, targetLanguage(turn.text, turn.lang));
        await context.sendActivity(MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, kb, switched.lang), switched.t('language.switched')));
        return;
      }
      default: {
        const faq = FALLBACK_FAQ[intent];
        if (faq) await context.sendActivity(faqReply(faq, this.replyOptions(turn), turn.t(`fallback.${intent}`)));
      }
    }
  }

  private async askWhichOne(context: TurnContext, turn: Turn): Promise<void> {
    const ids = turn.recognition.candidates.map((c) => c.intent);
    const buttons = [...topicButtons(ids, this.options.kb, turn.lang), replyButton(this.options.kb.title('talk-to-agent', turn.lang))];
    await context.sendActivity(MessageFactory.suggestedActions(dedupe(buttons), turn.t('didYouMean')));
    await this.options.feedback?.askedWhichOne(context, turn, ids);
  }

  private async sayNotUnderstood(context: TurnContext, turn: Turn): Promise<void> {
    if (await this.options.notUnderstood?.(context, turn)) return;
    await context.sendActivity(MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, this.options.kb, turn.lang), turn.t('none')));
  }

  /** Messages with nothing to read: no text, only attachments, or only symbols. */
  private async rejectEmpty(context: TurnContext, turn: Turn): Promise<boolean> {
    if (turn.folded !== '') return false;
    const attachments = context.activity.attachments ?? [];
    const key = turn.text === '' && attachments.length > 0 ? 'input.attachmentsOnly' : 'input.empty';
    await context.sendActivity(MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, this.options.kb, turn.lang), turn.t(key)));
    return true;
  }

  private replyOptions(turn: Turn) {
    return { kb: this.options.kb, links: this.options.links, lang: turn.lang, t: turn.t };
  }
}

function hasActiveDialog(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'dialogStack' in state && Array.isArray(state.dialogStack) && state.dialogStack.length > 0;
}

function dedupe<T extends { title?: string }>(buttons: T[]): T[] {
  const seen = new Set<string>();
  return buttons.filter((b) => (seen.has(b.title ?? '') ? false : (seen.add(b.title ?? ''), true)));
}
