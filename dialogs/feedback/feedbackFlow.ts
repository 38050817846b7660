import { MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder-core';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase.js';
import { isFaqId, type FaqId, type IntentId, type IntentOrNone } from '../../knowledge/schema.js';
import { foldText } from '../../knowledge/text/foldText.js';
import type { FeedbackRecorder, FeedbackSource } from '../../services/feedback/index.js';
import { replyButton } from '../replies/buttons.js';
import type { Turn } from '../turnUnderstanding.js';
import type { FeedbackState, FeedbackStateAccessor } from './feedbackState.js';

export interface FeedbackFlowOptions {
  recorder: FeedbackRecorder;
  state: FeedbackStateAccessor;
  kb: KnowledgeBase;
  logger: Logger;
}

/** What the previous answer was, read once per turn before the state is cleared. */
const PREVIOUS_OUTCOME = Symbol('feedback.previousOutcome');

/**
 * The answer-quality loop in the conversation: "Was this helpful? Yes / No" under FAQ answers
 * (at most once per entry and conversation, never while a dialog such as the contract walkthrough
 * runs), "what was missing?" with an agent on offer after "No", and the recording of unanswered
 * questions, "did you mean" choices and handoffs. The main dialog calls it at a few points.
 */
export class FeedbackFlow {
  constructor(private readonly options: FeedbackFlowOptions) {}

  /**
   * Reads the message as a reply to the last question the loop asked. Returns true when the
   * message was that reply and has been answered; false lets the main dialog route it.
   */
  async beforeAnswer(context: TurnContext, turn: Turn): Promise<boolean> {
    const state = await this.options.state.get(context, {});
    const { pending, awaitingComment, offered, lastOutcome } = state;
    delete state.pending;
    delete state.awaitingComment;
    delete state.offered;
    delete state.lastOutcome;
    context.turnState.set(PREVIOUS_OUTCOME, awaitingComment ?? pending ?? lastOutcome);
    const { folded } = turn;

    if (awaitingComment) return this.readComment(context, turn, awaitingComment, folded);
    if (pending) {
      if (this.isAnswer(turn, folded, 'yes')) {
        await this.record((source) => this.options.recorder.rated(source, pending, true), context, turn);
        await context.sendActivity(turn.t('feedback.thanks'));
        return true;
      }
      if (this.isAnswer(turn, folded, 'no')) {
        await this.record((source) => this.options.recorder.rated(source, pending, false), context, turn);
        state.awaitingComment = pending;
        const buttons = [replyButton(turn.t('feedback.skip')), replyButton(this.options.kb.title('talk-to-agent', turn.lang))];
        await context.sendActivity(MessageFactory.suggestedActions(buttons, turn.t('feedback.askMissing')));
        return true;
      }
    }
    if (offered) {
      const { intent, ambiguous } = turn.recognition;
      const chosen: IntentOrNone = !ambiguous && intent !== 'none' && offered.includes(intent) ? intent : 'none';
      await this.record((source) => this.options.recorder.didYouMeanChoice(source, chosen), context, turn);
    }
    return false;
  }

  /**
   * Records an FAQ answer and, when the user has not been asked about this entry yet and no
   * dialog is running, adds the question and its Yes / No buttons to the reply.
   */
  async offer(context: TurnContext, turn: Turn, intent: FaqId, reply: Partial<Activity>, options: { duringDialog: boolean }): Promise<Partial<Activity>> {
    await this.record((source) => this.options.recorder.answered(source, intent, turn.text, turn.recognition.score), context, turn);
    const state = await this.options.state.get(context, {});
    state.lastOutcome = intent;
    const asked = state.asked ?? [];
    if (options.duringDialog || asked.includes(intent)) return reply;
    state.asked = [...asked, intent];
    state.pending = intent;
    const buttons: CardAction[] = [replyButton(turn.t('feedback.yes')), replyButton(turn.t('feedback.no')), ...(reply.suggestedActions?.actions ?? [])];
    return { ...reply, text: `${reply.text ?? ''}\n\n${turn.t('feedback.question')}`, suggestedActions: { actions: buttons, to: reply.suggestedActions?.to ?? [] } };
  }

  /** The message got "I did not understand". */
  async notUnderstood(context: TurnContext, turn: Turn): Promise<void> {
    await this.record((source) => this.options.recorder.unanswered(source, turn.text, turn.recognition.score), context, turn);
    (await this.options.state.get(context, {})).lastOutcome = 'none';
  }

  /** The bot asked "did you mean" with these options. */
  async askedWhichOne(context: TurnContext, turn: Turn, offered: IntentId[]): Promise<void> {
    await this.record((source) => this.options.recorder.didYouMean(source, turn.text, offered), context, turn);
    (await this.options.state.get(context, {})).offered = offered;
  }

  /**
   * The user is being handed to a person. The cause is the answer of the turn before (the one
   * rated "not helpful", or the "I did not understand"), or the request itself.
   */
  async handedOff(context: TurnContext, turn: Turn): Promise<void> {
    const previous: unknown = context.turnState.get(PREVIOUS_OUTCOME);
    const cause: IntentOrNone = previous === 'none' || (typeof previous === 'string' && isFaqId(previous)) ? previous : 'talk-to-agent';
    await this.record((source) => this.options.recorder.handoff(source, cause), context, turn);
  }

  private async readComment(context: TurnContext, turn: Turn, intent: FaqId, folded: string): Promise<boolean> {
    // The Skip button first: its word may also sound like a request for a person ("passer").
    if (folded === '' || folded === foldText(turn.t('feedback.skip'))) {
      await context.sendActivity(turn.t('feedback.skipped'));
      return true;
    }
    if (folded === foldText(this.options.kb.title('talk-to-agent', turn.lang)) || turn.recognition.intent === 'talk-to-agent') return false;
    await this.record((source) => this.options.recorder.comment(source, intent, turn.text), context, turn);
    await context.sendActivity(turn.t('feedback.thanksComment'));
    return true;
  }

  /** Yes or No, typed or tapped, in either language. */
  private isAnswer(turn: Turn, folded: string, answer: 'yes' | 'no'): boolean {
    if (folded === '') return false;
    return this.answerWords(turn.t, answer).has(folded);
  }

  private readonly answerWordsCache = new WeakMap<Turn['t'], Map<'yes' | 'no', ReadonlySet<string>>>();

  /**
   * The folded words that mean yes or no in one language. The locale files are read once at
   * start-up, so they are worked out once per translation function (one per language).
   */
  private answerWords(t: Turn['t'], answer: 'yes' | 'no'): ReadonlySet<string> {
    let byAnswer = this.answerWordsCache.get(t);
    if (!byAnswer) {
      byAnswer = new Map();
      this.answerWordsCache.set(t, byAnswer);
    }
    let words = byAnswer.get(answer);
    if (!words) {
      const listed: unknown = t(`feedback.answers.${answer}`, { returnObjects: true });
      const list = Array.isArray(listed) ? listed.filter((w): w is string => typeof w === 'string') : [];
      words = new Set([t(`feedback.${answer}`), ...list].map((w) => foldText(w)));
      byAnswer.set(answer, words);
    }
    return words;
  }

  /** Recording never breaks a conversation: a failing store is logged and the turn goes on. */
  private async record(write: (source: FeedbackSource) => Promise<void>, context: TurnContext, turn: Turn): Promise<void> {
    const { activity } = context;
    const source: FeedbackSource = {
      channelId: activity.channelId ?? '',
      conversationId: activity.conversation?.id ?? '',
      userId: activity.from?.id ?? '',
      lang: turn.lang,
    };
    try {
      await write(source);
    } catch (error) {
      this.options.logger.warn({ err: error, conversationId: source.conversationId }, 'feedback could not be recorded');
    }
  }
}

export type { FeedbackState };
