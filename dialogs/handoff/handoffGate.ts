import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder-core';
import { HandoffError, redactProofs, type HandoffCase, type TranscriptLine } from '../../services/handoff/index.js';
import { MAIN_TOPICS } from '../mainDialog.js';
import { replyButton } from '../replies/buttons.js';
import { topicButtons } from '../replies/faqReply.js';
import { isCommand, type Turn } from '../turnUnderstanding.js';
import { findEmail } from './findEmail.js';
import type { HandoffDeps } from './handoffDeps.js';
import { offeredThisTurn, setPendingOffer, takePreviousNotUnderstood, usePreviousNotUnderstood, type HandoffState } from './handoffState.js';
import { conversationKeyOf, pendingLines } from './turnTranscript.js';

/** Characters of one line kept in the transcript. */
const MAX_LINE = 500;

/**
 * The handoff's one hook into each turn. While the conversation has an open case, the
 * customer's messages go to the case (to the agent) instead of the bot, and "cancel" returns
 * to the bot; otherwise the bot answers and the exchange is remembered (proofs hidden) as the
 * transcript an agent will see. Also reads the contact-centre platform's handoff.status events.
 */
export class HandoffGate {
  constructor(private readonly deps: HandoffDeps) {}

  async around(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type === ActivityTypes.Event && activity.name === 'handoff.status' && this.deps.mode !== 'desk') {
      await this.onStatus(context);
      return;
    }
    if (activity.type !== ActivityTypes.Message) return next();
    const state = await this.deps.handoffState.get(context, {});
    // Read for this message only; nothing is written when there was nothing to take.
    takePreviousNotUnderstood(context, state);
    setPendingOffer(context, state.offer);
    if (state.offer !== undefined) delete state.offer;
    if (state.caseId && (await this.relay(context, state))) return;

    const lines = pendingLines(context);
    // Lines kept in conversation state by an earlier version move to the transcript log.
    if (state.transcript) {
      lines.push(...state.transcript);
      delete state.transcript;
    }
    this.remember(lines, 'customer', activity.text ?? '');
    context.onSendActivities(async (_ctx, activities, send) => {
      for (const sent of activities) if (sent.type === ActivityTypes.Message && sent.text) this.remember(lines, 'bot', sent.text);
      return send();
    });
    await next();
    const offered = offeredThisTurn(context);
    if (offered) state.offer = { reason: offered };
    const max = this.deps.transcriptLines ?? 50;
    await this.deps.transcripts.append(conversationKeyOf(context), lines.splice(0).slice(-max), max);
  }

  /**
   * The main dialog did not understand the message. On the second time in a row the bot offers
   * a person instead of its usual answer: returns true when it did.
   */
  async notUnderstood(context: TurnContext, turn: Turn): Promise<boolean> {
    const state = await this.deps.handoffState.get(context, {});
    const previous = usePreviousNotUnderstood(context);
    if (previous === undefined) {
      state.lastNotUnderstood = { text: turn.text };
      return false;
    }
    delete state.lastNotUnderstood;
    state.offer = { reason: 'not-understood', summary: `${previous} / ${turn.text}` };
    const buttons = [replyButton(this.deps.kb.title('talk-to-agent', turn.lang)), replyButton(turn.t('handoff.offer.noThanks'))];
    await context.sendActivity(MessageFactory.suggestedActions(buttons, turn.t('handoff.offer.notUnderstood')));
    return true;
  }

  /** Returns false when the case is over and the bot should answer the message itself. */
  private async relay(context: TurnContext, state: HandoffState): Promise<boolean> {
    const handoffCase = state.caseId ? await this.deps.handoff.get(state.caseId) : undefined;
    if (!handoffCase || handoffCase.status === 'closed') {
      delete state.caseId;
      return false;
    }
    const turn = await this.deps.understanding.of(context);
    if (isCommand(turn, 'cancel')) {
      await this.deps.handoff.cancelByCustomer(handoffCase.id);
      delete state.caseId;
      this.deps.logger.info({ caseId: handoffCase.id }, 'handoff cancelled by the customer');
      await context.sendActivity(MessageFactory.suggestedActions(topicButtons(MAIN_TOPICS, this.deps.kb, turn.lang), turn.t('handoff.cancelled', { caseId: handoffCase.id })));
      return true;
    }
    if (turn.text === '') {
      await context.sendActivity(turn.t('handoff.textOnly'));
      return true;
    }
    try {
      await this.forward(context, handoffCase, turn);
    } catch (error) {
      // Closed by the agent a moment ago: the bot answers instead.
      if (!(error instanceof HandoffError) || error.code !== 'closed') throw error;
      delete state.caseId;
      return false;
    }
    return true;
  }

  private async forward(context: TurnContext, handoffCase: HandoffCase, turn: Turn): Promise<void> {
    const email = handoffCase.status === 'waiting' && !handoffCase.email ? findEmail(turn.text) : undefined;
    if (email) {
      await this.deps.handoff.leaveEmail(handoffCase.id, email);
      await context.sendActivity(turn.t('handoff.emailSaved', { email, caseId: handoffCase.id }));
      return;
    }
    await this.deps.handoff.customerMessage(handoffCase.id, turn.text);
    if (handoffCase.status === 'waiting') await context.sendActivity(turn.t('handoff.noted', { caseId: handoffCase.id }));
  }

  /**
   * handoff.status from a contact-centre platform: accepted, failed or completed. Only the
   * platform may say so: an event a customer's client posts (Web Chat over Direct Line, the
   * embedded Direct Line, any request the channel did not authenticate) is refused and logged,
   * or a customer could mark their own case taken or done.
   */
  private async onStatus(context: TurnContext): Promise<void> {
    const state = await this.deps.handoffState.get(context, {});
    const caseId = state.caseId;
    const value: unknown = context.activity.value;
    const status = typeof value === 'object' && value !== null && 'state' in value && typeof value.state === 'string' ? value.state : '';
    if (!caseId) return;
    const refusal = await this.statusRefusal(context, caseId);
    if (refusal) {
      const { activity } = context;
      this.deps.logger.warn(
        { event: 'handoff-status-refused', reason: refusal, caseId, status: status.slice(0, 40), channelId: activity.channelId?.slice(0, 50), conversationId: activity.conversation?.id?.slice(0, 100) },
        'handoff.status refused: only the contact-centre platform, through an authenticated channel request, may change a case',
      );
      return;
    }
    const lang = await this.deps.understanding.languageOf(context);
    const t = this.deps.translator.forLang(lang);
    this.deps.logger.info({ caseId, status }, 'handoff status from the platform');
    if (status === 'accepted') {
      await this.deps.handoff.acceptedByPlatform(caseId, 'contact-centre');
      await context.sendActivity(t('handoff.platformAccepted'));
    } else if (status === 'completed') {
      await this.deps.handoff.completedByPlatform(caseId);
      delete state.caseId;
    } else if (status === 'failed') {
      await context.sendActivity(t('handoff.platformFailed', { caseId }));
    }
  }

  /** Why a handoff.status event may not change the case; undefined when it may. */
  private async statusRefusal(context: TurnContext, caseId: string): Promise<string | undefined> {
    if (!(this.deps.fromAuthenticatedChannel?.(context) ?? false)) return 'not-authenticated';
    const from = context.activity.from;
    if (from?.role === 'user') return 'user-role';
    const handoffCase = await this.deps.handoff.get(caseId);
    const customer = handoffCase?.address.user;
    const customerId = typeof customer === 'object' && customer !== null && 'id' in customer ? customer.id : undefined;
    if (from?.id !== undefined && from.id === customerId) return 'customer';
    return undefined;
  }

  private remember(lines: TranscriptLine[], from: TranscriptLine['from'], text: string): void {
    if (text.trim() === '') return;
    lines.push({ from, text: keptLine(text), at: this.deps.clock.now().toISOString() });
  }
}

/** A line as the transcript keeps it: hidden before it is kept (a proof typed during verification must not be stored), then cut. */
function keptLine(text: string): string {
  return redactProofs(text).slice(0, MAX_LINE);
}
