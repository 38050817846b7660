import { MessageFactory, type TurnContext } from 'botbuilder-core';
import type { DialogStart, PersonalRouter } from '../mainDialog.js';
import { MAIN_TOPICS } from '../mainDialog.js';
import { topicButtons } from '../replies/faqReply.js';
import { replyButton } from '../replies/buttons.js';
import { isCommand, type Turn } from '../turnUnderstanding.js';
import type { CommandName } from '../../knowledge/recognizer/commandWords.js';
import { alignmentText } from './alignmentView.js';
import type { ContractDialogDeps } from './contractDialogDeps.js';
import { sayContractsUnavailable } from './contractsUnavailable.js';
import { TurnContracts } from './turnContracts.js';
import type { RenewalId } from '../../services/contracts/index.js';
import { verifiedIds } from './verifiedContracts.js';
import { WALKTHROUGH_DIALOG } from './walkthroughDialog.js';

/** The words that bring a walkthrough left for another question back. */
const RESUME_WORDS: readonly CommandName[] = ['whereWasI', 'resume', 'next', 'back'];

/**
 * The messages whose answer depends on the user's own contracts: "align my end dates" once a
 * contract is verified, "where was I?" with a walkthrough in progress, and the walkthrough's
 * own words (next, back) after it was left for another question.
 */
export class ContractPersonalRouter implements PersonalRouter {
  constructor(private readonly deps: ContractDialogDeps) {}

  async route(context: TurnContext, turn: Turn): Promise<'handled' | DialogStart | undefined> {
    const saved = (await this.deps.state.profile.get(context, {})).walkthrough;
    const resumeWords = RESUME_WORDS.some((name) => isCommand(turn, name));
    if (resumeWords) {
      if (saved) return { dialogId: WALKTHROUGH_DIALOG, options: { renewalId: saved.renewalId } };
      await context.sendActivity(MessageFactory.suggestedActions(topicButtons(['start-renewal', ...MAIN_TOPICS.filter((t) => t !== 'start-renewal')], this.deps.kb, turn.lang), turn.t('walk.nothingToResume')));
      return 'handled';
    }
    const verified = await verifiedIds(this.deps.state, context);
    const last = verified[verified.length - 1];
    if (isCommand(turn, 'walkthrough')) return { dialogId: WALKTHROUGH_DIALOG, options: last ? { renewalId: last } : {} };
    const wantsAlignment = isCommand(turn, 'align') || (turn.recognition.intent === 'co-termination' && !turn.recognition.ambiguous);
    if (wantsAlignment && last) {
      await this.showAlignment(context, turn, last);
      return 'handled';
    }
    return undefined;
  }

  private async showAlignment(context: TurnContext, turn: Turn, renewalId: RenewalId): Promise<void> {
    try {
      const contracts = TurnContracts.of(context, this.deps.contracts);
      const contract = await contracts.find(renewalId);
      const account = contract ? await contracts.account(contract.account.accountNumber) : [];
      const text = alignmentText(account, this.deps.clock.now(), turn.lang, turn.t);
      await context.sendActivity(MessageFactory.suggestedActions(
        [replyButton(turn.t('buttons.walkthrough')), replyButton(this.deps.kb.title('find-reseller', turn.lang))],
        text,
      ));
    } catch (error) {
      await sayContractsUnavailable(context, turn, error, { during: 'alignment', renewalId });
    }
  }
}
