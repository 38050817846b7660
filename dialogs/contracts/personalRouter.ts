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
import { extractRenewalId, type RenewalId } from '../../services/contracts/index.js';
import { CONTRACT_STATUS_DIALOG, type ContractStatusOptions } from './contractStatusDialog.js';
import { verifiedIds } from './verifiedContracts.js';
import { WALKTHROUGH_DIALOG } from './walkthroughDialog.js';

/**
 * How sure the recognizer must be that a message holding a renewal ID asks for the walkthrough
 * ("je veux renouveler RNW-…" scores above 0.95); below it, the ID asks for the status.
 */
const WALKTHROUGH_WITH_ID_SCORE = 0.9;

/** Intents a message holding a renewal ID keeps; any other reading becomes a status check. */
const KEPT_WITH_ID: ReadonlySet<string> = new Set(['check-status', 'talk-to-agent', 'change-language', 'goodbye', 'thanks']);

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
    const resumeWords = RESUME_WORDS.some((name) => isCommand(turn, name));
    if (resumeWords) {
      const saved = (await this.deps.state.profile.get(context, {})).walkthrough;
      if (saved) return { dialogId: WALKTHROUGH_DIALOG, options: { renewalId: saved.renewalId } };
      // Another device: the walk was saved with a contract this conversation has verified.
      const walked = await this.walkedContract(context);
      if (walked) return { dialogId: WALKTHROUGH_DIALOG, options: { renewalId: walked } };
      await context.sendActivity(MessageFactory.suggestedActions(topicButtons(['start-renewal', ...MAIN_TOPICS.filter((t) => t !== 'start-renewal')], this.deps.kb, turn.lang), turn.t('walk.nothingToResume')));
      return 'handled';
    }
    // Most messages (questions) need neither: the verified contracts are read only for these two.
    if (isCommand(turn, 'walkthrough')) {
      const last = await this.lastVerified(context);
      return { dialogId: WALKTHROUGH_DIALOG, options: last ? { renewalId: last } : {} };
    }
    const wantsAlignment = isCommand(turn, 'align') || (turn.recognition.intent === 'co-termination' && !turn.recognition.ambiguous);
    const last = wantsAlignment ? await this.lastVerified(context) : undefined;
    if (last) {
      await this.showAlignment(context, turn, last);
      return 'handled';
    }
    return this.statusOfIdIn(turn);
  }

  /**
   * A renewal ID typed alone or inside a sentence ("je voudrais voir mon contrat rnw 2048 1137")
   * starts the status check with that ID, unless the message clearly asks for something else.
   */
  private statusOfIdIn(turn: Turn): DialogStart | undefined {
    const renewalId = extractRenewalId(turn.text);
    if (!renewalId) return undefined;
    const { intent, score, ambiguous } = turn.recognition;
    if (!ambiguous && KEPT_WITH_ID.has(intent)) return intent === 'check-status' ? this.status(renewalId) : undefined;
    if (!ambiguous && intent === 'start-renewal' && score >= WALKTHROUGH_WITH_ID_SCORE) return undefined;
    return this.status(renewalId);
  }

  private status(renewalId: RenewalId): DialogStart {
    return { dialogId: CONTRACT_STATUS_DIALOG, options: { renewalId } satisfies ContractStatusOptions };
  }

  /** The contract this user verified last in this conversation. */
  private async lastVerified(context: TurnContext): Promise<RenewalId | undefined> {
    const verified = await verifiedIds(this.deps.state, context);
    return verified[verified.length - 1];
  }

  /** The latest contract verified here whose walkthrough was left unfinished, anywhere. */
  private async walkedContract(context: TurnContext): Promise<RenewalId | undefined> {
    const verified = await verifiedIds(this.deps.state, context);
    for (const renewalId of [...verified].reverse()) if (await this.deps.progress.get(renewalId)) return renewalId;
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
