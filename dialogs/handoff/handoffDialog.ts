import { MessageFactory, TurnContext } from 'botbuilder-core';
import { verifiedIds } from '../contracts/verifiedContracts.js';
import { contractStatus, ContractServiceError, toIsoDate, type ContractService, type RenewalId } from '../../services/contracts/index.js';
import type { CaseContract, HandoffReason, OpenedCase } from '../../services/handoff/index.js';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../sdk.js';
import { answerOf, TextInput } from '../textInput.js';
import type { Turn } from '../turnUnderstanding.js';
import { toAddress } from './customerAddress.js';
import { formatBackAt } from './formatBackAt.js';
import type { HandoffDeps } from './handoffDeps.js';
import { handoffInitiation } from './handoffEvent.js';
import { pendingOffer } from './handoffState.js';
import { conversationKeyOf, transcriptOf } from './turnTranscript.js';

export const HANDOFF_DIALOG = 'handoffDialog';
const FLOW = 'handoffDialog.flow';
const SUMMARY_PROMPT = 'handoffDialog.summary';

export interface HandoffDialogOptions {
  reason?: HandoffReason;
  summary?: string;
}

/**
 * "Talk to someone": asks what it is about in one line (unless the bot already knows), opens a
 * case, and tells the customer its number, what happens next and the expected wait, or when
 * agents are back. From then on the customer's messages go to the case (see HandoffGate).
 */
export class HandoffDialog extends ComponentDialog<HandoffDialogOptions> {
  constructor(private readonly deps: HandoffDeps) {
    super(HANDOFF_DIALOG);
    this.addDialog(new TextInput(SUMMARY_PROMPT));
    this.addDialog(new WaterfallDialog(FLOW, [this.askSummary.bind(this), this.openCase.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async askSummary(step: WaterfallStepContext<HandoffDialogOptions>): Promise<DialogTurnResult> {
    const offer = pendingOffer(step.context);
    const reason = step.options.reason ?? offer?.reason ?? 'asked';
    Object.assign(step.values, { reason });
    const summary = step.options.summary ?? offer?.summary;
    if (summary) return step.next(summary);
    const turn = await this.deps.understanding.of(step.context);
    return step.prompt(SUMMARY_PROMPT, { prompt: MessageFactory.text(turn.t('handoff.askSummary')) });
  }

  private async openCase(step: WaterfallStepContext<HandoffDialogOptions>): Promise<DialogTurnResult> {
    const turn = await this.deps.understanding.of(step.context);
    const reason = reasonOf(step.values);
    const given = typeof step.result === 'string' ? step.result : answerOf(step.result);
    const summary = given !== undefined && given.trim() !== '' ? given : turn.t(`handoff.reasons.${reason}`);
    const state = await this.deps.handoffState.get(step.context, {});
    const contract = await this.verifiedContract(step.context);
    const { activity } = step.context;
    const opened = await this.deps.handoff.open({
      conversationKey: conversationKeyOf(step.context),
      lang: turn.lang,
      channel: activity.channelId,
      reason,
      summary,
      ...(contract ? { contract } : {}),
      address: toAddress(TurnContext.getConversationReference(activity)),
      transcript: await transcriptOf(step.context, this.deps.transcripts, this.deps.transcriptLines ?? 50),
    });
    state.caseId = opened.handoffCase.id;
    this.deps.logger.info({ caseId: opened.handoffCase.id, reason, channel: activity.channelId }, 'handoff case opened');
    await step.context.sendActivity(this.openedText(opened, turn));
    if (this.deps.mode !== 'desk') await step.context.sendActivity(handoffInitiation(step.context, opened.handoffCase));
    return step.endDialog();
  }

  private openedText(opened: OpenedCase, turn: Turn): string {
    const caseId = opened.handoffCase.id;
    if (opened.open) return turn.t('handoff.opened', { caseId, minutes: opened.expectedWaitMinutes });
    if (!opened.backAt) return turn.t('handoff.openedNoHours', { caseId });
    return turn.t('handoff.openedClosed', { caseId, backAt: formatBackAt(opened.backAt, turn.lang, this.deps.handoff.hours.timeZone) });
  }

  /** The contract verified last in this conversation, as the agent should see it. */
  private async verifiedContract(context: TurnContext): Promise<CaseContract | undefined> {
    const ids = await verifiedIds(this.deps.state, context);
    const renewalId = ids[ids.length - 1];
    return renewalId ? caseContract(this.deps.contracts, renewalId, this.deps.clock.now()) : undefined;
  }
}

async function caseContract(contracts: ContractService, renewalId: RenewalId, today: Date): Promise<CaseContract | undefined> {
  try {
    const contract = await contracts.findByRenewalId(renewalId);
    if (!contract) return undefined;
    const status = contractStatus(contract, today);
    return { renewalId, status: status.status, daysLeft: status.daysLeft, endDate: toIsoDate(status.effectiveEnd) };
  } catch (error) {
    // The case opens without the contract when the service is down: that may be why they called.
    if (error instanceof ContractServiceError) return undefined;
    throw error;
  }
}

function reasonOf(values: object): HandoffReason {
  const reason = 'reason' in values ? values.reason : undefined;
  return reason === 'not-understood' || reason === 'locked-out' || reason === 'contract-failure' ? reason : 'asked';
}
