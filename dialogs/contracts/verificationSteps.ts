import type { Dialog, DialogTurnResult, WaterfallStep, WaterfallStepContext } from '../sdk.js';
import { MessageFactory } from 'botbuilder-core';
import { extractRenewalId, isRenewalId, maskRenewalId, type RenewalId } from '../../services/contracts/index.js';
import { DONE, REROUTE, type DialogOutcome } from '../dialogOutcome.js';
import { formatWait } from '../formatWait.js';
import { faqReply } from '../replies/faqReply.js';
import { replyButton } from '../replies/buttons.js';
import type { Turn } from '../turnUnderstanding.js';
import { answerOf, TextInput, type TextInputCheck } from '../textInput.js';
import type { ContractDialogDeps } from './contractDialogDeps.js';
import { sayContractsUnavailable } from './contractsUnavailable.js';
import { TurnContracts } from './turnContracts.js';
import { trustedTenantOf } from './trustedTenant.js';
import { markVerified, verifiedIds } from './verifiedContracts.js';
import { offerHandoff } from '../handoff/handoffState.js';

const ID_PROMPT = 'verifyContractDialog.id';
const PROOF_PROMPT = 'verifyContractDialog.proof';
/** After this many messages without a renewal ID, the bot stops asking and offers a person. */
const MAX_ID_TRIES = 3;
/** A message this sure to be another question leaves the verification for that question. */
const OTHER_QUESTION_SCORE = 0.45;

/** What the waterfall that starts with the verification steps is begun with. */
export interface VerifyOptions {
  /**
   * Set when the verification starts over (a rejected proof): the ID is asked again, instead
   * of the one the dialog was started with.
   */
  again?: boolean;
}

/** The renewal ID the user already gave (e.g. in "status of RNW-20481137"), read when the flow begins. */
export type GivenRenewalId<O extends VerifyOptions> = (step: WaterfallStepContext<O>) => Promise<RenewalId | undefined>;

/**
 * What the verification proved: the renewal ID. The contract it fetched to prove it is kept
 * for the rest of the turn (TurnContracts), so the status shown next does not fetch it again.
 */
export interface Verified {
  kind: 'verified';
  renewalId: RenewalId;
}

/**
 * The outcome: verified (handed to the host's next step), or, ending the host's waterfall, a
 * message to route elsewhere or done (gave up, locked, unavailable).
 */
export type VerifyResult = Verified | DialogOutcome;

/**
 * Proves that the person owns a contract before anything about it is shown. On the web: the
 * renewal ID, then one proof of purchase the contract holds (certificate number, order
 * number, or SAN for Rewards). In Teams: a user of one of the account's tenants is trusted
 * without a proof. Unknown IDs and wrong proofs get the same answer; after repeated failures
 * the service makes further tries wait (services/verification/attemptPolicy.ts: per source and
 * per renewal ID, growing delays, never a hard lock) and the bot offers a person instead.
 * The proof only passes through this turn: it is never echoed, logged or kept in state.
 *
 * These are the first steps of the host dialog's own waterfall (the contract status, the
 * walkthrough), not a dialog of their own: a verified contract goes on to the host's next step
 * in the same waterfall, which spares every turn of the verification a nested dialog context
 * and its state. The host adds {@link prompts} to its dialogs and starts its waterfall with
 * {@link steps}; `flowId` is that waterfall, begun again with `{ again: true }` after a
 * rejected proof.
 */
export class VerificationSteps<O extends VerifyOptions> {
  constructor(
    private readonly deps: ContractDialogDeps,
    private readonly flowId: string,
    private readonly givenId: GivenRenewalId<O>,
  ) {}

  /** The questions the steps ask: the host adds them to its dialogs. */
  prompts(): Dialog[] {
    return [new TextInput(ID_PROMPT, this.validateId.bind(this)), new TextInput(PROOF_PROMPT)];
  }

  /** Ask or take the ID, then the proof: the first steps of the host's waterfall. */
  steps(): Array<WaterfallStep<O>> {
    return [this.askId.bind(this), this.checkId.bind(this), this.checkProof.bind(this)];
  }

  private async askId(step: WaterfallStepContext<O>): Promise<DialogTurnResult> {
    const given = step.options.again === true ? undefined : await this.givenId(step);
    if (given) return step.next(given);
    const known = await verifiedIds(this.deps.state, step.context);
    const last = known[known.length - 1];
    if (last) return step.next(last);
    const turn = await this.deps.understanding.of(step.context);
    return step.prompt(ID_PROMPT, {
      prompt: MessageFactory.suggestedActions(this.helpButtons(turn), turn.t('verify.askId')),
      retryPrompt: MessageFactory.suggestedActions(this.helpButtons(turn), turn.t('verify.idRetry')),
    });
  }

  private async checkId(step: WaterfallStepContext<O>): Promise<DialogTurnResult> {
    const turn = await this.deps.understanding.of(step.context);
    // An ID given before the question (already canonical), or the answer to it.
    const result: unknown = step.result;
    const given = typeof result === 'string' && isRenewalId(result) ? result : undefined;
    const answer = given ?? answerOf(result);
    if (answer === undefined) return step.endDialog(REROUTE);
    const renewalId = given ?? extractRenewalId(answer);
    if (!renewalId) {
      await step.context.sendActivity(MessageFactory.suggestedActions([replyButton(this.deps.kb.title('talk-to-agent', turn.lang))], turn.t('verify.noId')));
      return step.endDialog(DONE);
    }
    if ((await verifiedIds(this.deps.state, step.context)).includes(renewalId)) return step.next({ kind: 'verified', renewalId } satisfies Verified);
    try {
      const tenant = await this.deps.verification.verifyByTenant({ renewalId, tenantId: trustedTenantOf(step.context) });
      if (tenant.outcome === 'verified') {
        await markVerified(this.deps.state, step.context, renewalId);
        turn.log.info({ renewalId: maskRenewalId(renewalId), via: 'tenant' }, 'contract verified');
        TurnContracts.of(step.context, this.deps.contracts).remember(tenant.contract);
        return step.next({ kind: 'verified', renewalId } satisfies Verified);
      }
    } catch (error) {
      return this.unavailable(step, turn, error, renewalId);
    }
    Object.assign(step.values, { renewalId });
    return step.prompt(PROOF_PROMPT, { prompt: MessageFactory.text(turn.t('verify.askProof', { renewalId })) });
  }

  private async checkProof(step: WaterfallStepContext<O>): Promise<DialogTurnResult> {
    // Verified without a proof (already this conversation, or by tenant): on to the host's step.
    const verified = verifiedOf(step.result);
    if (verified) return step.next(verified);
    const turn = await this.deps.understanding.of(step.context);
    const values = step.values;
    const renewalId = 'renewalId' in values && typeof values.renewalId === 'string' && isRenewalId(values.renewalId) ? values.renewalId : undefined;
    if (!renewalId) return this.startOver(step);
    const proof = answerOf(step.result) ?? '';
    const userKey = `${step.context.activity.channelId}:${step.context.activity.from.id}`;
    let outcome;
    try {
      outcome = await this.deps.verification.verifyWithProof({ userKey, renewalId, proof });
    } catch (error) {
      return this.unavailable(step, turn, error, renewalId);
    }
    turn.log.info({ renewalId: maskRenewalId(renewalId), outcome: outcome.outcome }, 'contract verification');
    if (outcome.outcome === 'verified') {
      await markVerified(this.deps.state, step.context, renewalId);
      await step.context.sendActivity(turn.t('verify.done', { renewalId }));
      TurnContracts.of(step.context, this.deps.contracts).remember(outcome.contract);
      return step.next({ kind: 'verified', renewalId } satisfies Verified);
    }
    if (outcome.outcome === 'locked') {
      offerHandoff(step.context, 'locked-out');
      await step.context.sendActivity(MessageFactory.suggestedActions(
        [replyButton(this.deps.kb.title('talk-to-agent', turn.lang))],
        turn.t('verify.locked', { wait: formatWait(outcome.until, this.deps.clock.now(), turn.t) }),
      ));
      return step.endDialog(DONE);
    }
    const other = (await verifiedIds(this.deps.state, step.context)).filter((id) => id !== renewalId).at(-1);
    if (other) return this.rejectSecond(step, turn, renewalId, other);
    await step.context.sendActivity(turn.t('verify.rejected'));
    // Ask again from the ID: the mistake may be in either of the two.
    return this.startOver(step);
  }

  private async startOver(step: WaterfallStepContext<O>): Promise<DialogTurnResult> {
    const again: VerifyOptions = { again: true };
    return step.replaceDialog(this.flowId, again);
  }

  /**
   * A second contract failed while another one is verified: asking the ID again would fall
   * back on the verified one and show its card as if it answered; say what happened instead.
   */
  private async rejectSecond(step: WaterfallStepContext<O>, turn: Turn, renewalId: RenewalId, verified: RenewalId): Promise<DialogTurnResult> {
    await step.context.sendActivity(MessageFactory.suggestedActions(
      [
        replyButton(turn.t('secondContract.showVerified', { renewalId: verified })),
        replyButton(turn.t('secondContract.retry', { renewalId })),
        replyButton(this.deps.kb.title('talk-to-agent', turn.lang)),
      ],
      turn.t('secondContract.rejected', { renewalId, verified }),
    ));
    return step.endDialog(DONE);
  }

  /**
   * Accepts a message holding a renewal ID. "Where do I find it?" gets the answer and the
   * question again; another clear question leaves the verification so it can be answered.
   */
  private async validateId(prompt: TextInputCheck): Promise<boolean | 'leave'> {
    if (extractRenewalId(prompt.text)) return true;
    const turn = await this.deps.understanding.of(prompt.context);
    const { intent, score, ambiguous } = turn.recognition;
    if (intent === 'renewal-id') {
      await prompt.context.sendActivity(faqReply('renewal-id', { kb: this.deps.kb, links: this.deps.links, lang: turn.lang, t: turn.t }));
      // The prompt only repeats itself when nothing was said this turn: ask again here.
      await prompt.context.sendActivity(MessageFactory.suggestedActions(this.helpButtons(turn), turn.t('verify.idRetry')));
      return false;
    }
    if (!ambiguous && intent !== 'none' && intent !== 'check-status' && intent !== 'start-renewal' && score >= OTHER_QUESTION_SCORE) return 'leave';
    return prompt.attemptCount >= MAX_ID_TRIES;
  }

  private helpButtons(turn: Turn) {
    return [replyButton(this.deps.kb.title('renewal-id', turn.lang)), replyButton(this.deps.kb.title('renewal-process', turn.lang))];
  }

  private async unavailable(step: WaterfallStepContext<O>, turn: Turn, error: unknown, renewalId: RenewalId): Promise<DialogTurnResult> {
    offerHandoff(step.context, 'contract-failure');
    await sayContractsUnavailable(step.context, turn, error, { during: 'verification', renewalId, buttons: [replyButton(this.deps.kb.title('talk-to-agent', turn.lang))] });
    return step.endDialog(DONE);
  }
}

/** What a finished verification proved, if it verified a contract. */
export function verifiedOf(result: unknown): Verified | undefined {
  if (typeof result !== 'object' || result === null || !('kind' in result) || result.kind !== 'verified') return undefined;
  return 'renewalId' in result && typeof result.renewalId === 'string' && isRenewalId(result.renewalId) ? { kind: 'verified', renewalId: result.renewalId } : undefined;
}
