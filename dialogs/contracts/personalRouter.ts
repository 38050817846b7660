import { MessageFactory, type TurnContext } from 'botbuilder-core';
import { ContractApiError, maskRenewalId } from '../../services/contracts/index.js';
import type { DialogStart, PersonalRouter } from '../mainDialog.js';
import { MAIN_TOPICS } from '../mainDialog.js';
import { topicButtons } from '../replies/faqReply.js';
import { replyButton } from '../replies/buttons.js';
import type { Turn } from '../turnUnderstanding.js';
import { alignmentText } from './alignmentView.js';
import type { ContractDialogDeps } from './contractDialogDeps.js';
import { verifiedIds } from './verifiedContracts.js';
import { WALKTHROUGH_DIALOG } from './walkthroughDialog.js';

/**
 * The messages whose answer depends on the user's own contracts: "align my end dates" once a
 * contract is verified, "where was I?" with a walkthrough in progress, and the walkthrough's
 * own words (next, back) after it was left for another question.
 */
export class ContractPersonalRouter implements PersonalRouter {
  constructor(private readonly deps: ContractDialogDeps) {}

  async route(context: TurnContext, turn: Turn): Promise<'handled' | DialogStart | undefined> {
    const { understanding } = this.deps;
    const saved = (await this.deps.state.profile.get(context, {})).walkthrough;
    const resumeWords = ['whereWasI', 'resume', 'next', 'back'].some((name) => understanding.isCommand(turn.text, name));
    if (resumeWords) {
      if (saved) return { dialogId: WALKTHROUGH_DIALOG, options: { renewalId: saved.renewalId } };
      await context.sendActivity(MessageFactory.suggestedActions(topicButtons(['start-renewal', ...MAIN_TOPICS.filter((t) => t !== 'start-renewal')], this.deps.kb, turn.lang), turn.t('walk.nothingToResume')));
      return 'handled';
    }
    const verified = await verifiedIds(this.deps.state, context);
    const last = verified[verified.length - 1];
    if (understanding.isCommand(turn.text, 'walkthrough')) return { dialogId: WALKTHROUGH_DIALOG, options: last ? { renewalId: last } : {} };
    const wantsAlignment = understanding.isCommand(turn.text, 'align') || (turn.recognition.intent === 'co-termination' && !turn.recognition.ambiguous);
    if (wantsAlignment && last) {
      await this.showAlignment(context, turn, last);
      return 'handled';
    }
    return undefined;
  }

  private async showAlignment(context: TurnContext, turn: Turn, renewalId: string): Promise<void> {
    try {
      const contract = await this.deps.contracts.findByRenewalId(renewalId);
      const account = contract ? await this.deps.contracts.listAccountContracts(contract.account.accountNumber) : [];
      const text = alignmentText(account, this.deps.clock.now(), turn.lang, turn.t);
      await context.sendActivity(MessageFactory.suggestedActions(
        [replyButton(turn.t('buttons.walkthrough')), replyButton(this.deps.kb.title('find-reseller', turn.lang))],
        text,
      ));
    } catch (error) {
      if (!(error instanceof ContractApiError)) throw error;
      this.deps.logger.error({ code: error.code, renewalId: maskRenewalId(renewalId) }, 'contract service failed during alignment');
      await context.sendActivity(turn.t('contracts.unavailable'));
    }
  }
}
