import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../sdk.js';
import { MessageFactory, type CardAction } from 'botbuilder-core';
import { alignEndDates, ContractServiceError, extractRenewalId, type RenewalId } from '../../services/contracts/index.js';
import { replyButton } from '../replies/buttons.js';
import type { ContractDialogDeps } from './contractDialogDeps.js';
import { sayContractsUnavailable } from './contractsUnavailable.js';
import { DONE } from '../dialogOutcome.js';
import { TurnContracts } from './turnContracts.js';
import { rendersCards, statusView } from './statusView.js';
import { quoteProgressLine } from './quoteReply.js';
import { VerificationSteps, verifiedOf, type VerifyOptions } from './verificationSteps.js';
import { offerHandoff } from '../handoff/handoffState.js';

export const CONTRACT_STATUS_DIALOG = 'contractStatusDialog';
/** Named apart from the former flow, whose stacks waited on a nested verification dialog. */
const FLOW = 'contractStatusDialog.verifyAndShow';

export interface ContractStatusOptions extends VerifyOptions {
  /** The renewal ID the message held, found by the router: the user is not asked for it again. */
  renewalId?: RenewalId;
}

/**
 * "When does my contract end?": verifies the user (the verification steps open its waterfall),
 * then shows the contract's status, dates, products and renewal state as an Adaptive Card
 * (plain text where cards do not render), lists the account's other contracts and offers to
 * align their end dates.
 */
export class ContractStatusDialog extends ComponentDialog<ContractStatusOptions> {
  constructor(private readonly deps: ContractDialogDeps) {
    super(CONTRACT_STATUS_DIALOG);
    const verification = new VerificationSteps<ContractStatusOptions>(deps, FLOW, async (step) => step.options.renewalId ?? extractRenewalId(step.context.activity.text ?? ''));
    for (const prompt of verification.prompts()) this.addDialog(prompt);
    this.addDialog(new WaterfallDialog(FLOW, [...verification.steps(), this.show.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** After the verification steps: only a verified contract gets here. */
  private async show(step: WaterfallStepContext<ContractStatusOptions>): Promise<DialogTurnResult> {
    const renewalId = verifiedOf(step.result)?.renewalId;
    if (!renewalId) return step.endDialog(DONE);
    const turn = await this.deps.understanding.of(step.context);
    const { kb } = this.deps;
    try {
      const contracts = TurnContracts.of(step.context, this.deps.contracts);
      const contract = await contracts.find(renewalId);
      if (!contract) throw new ContractServiceError('not-found', 'the verified contract is no longer there');
      const account = await contracts.account(contract.account.accountNumber);
      const others = account.filter((c) => c.renewalId !== contract.renewalId);
      const today = this.deps.clock.now();
      const quote = await this.deps.quoteDelivery.latest(contract.renewalId);
      const quoteLine = quote ? quoteProgressLine(quote, contract.reseller, turn.lang, turn.t) : undefined;
      const view = statusView({ contract, others, today, lang: turn.lang, t: turn.t, quoteLine });
      const buttons: CardAction[] = [replyButton(turn.t('buttons.walkthrough'))];
      if (alignEndDates(account, today).kind === 'proposal') buttons.push(replyButton(turn.t('buttons.align')));
      buttons.push(replyButton(kb.title('talk-to-agent', turn.lang)));
      const reply = rendersCards(step.context.activity.channelId)
        ? MessageFactory.attachment(view.card)
        : MessageFactory.text(view.text);
      reply.suggestedActions = { actions: buttons, to: [] };
      await step.context.sendActivity(reply);
    } catch (error) {
      offerHandoff(step.context, 'contract-failure');
      await sayContractsUnavailable(step.context, turn, error, { during: 'status', renewalId, buttons: [replyButton(kb.title('talk-to-agent', turn.lang))] });
    }
    return step.endDialog(DONE);
  }
}
