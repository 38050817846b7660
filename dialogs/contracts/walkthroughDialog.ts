import {
  ComponentDialog, Dialog, WaterfallDialog,
  type DialogContext, type DialogInstance, type DialogTurnResult, type WaterfallStepContext,
} from '../sdk.js';
import { MessageFactory, type CardAction, type TurnContext } from 'botbuilder-core';
import { ContractServiceError, extractRenewalId, isRenewalId, maskRenewalId, type RenewalId } from '../../services/contracts/index.js';
import { replyButton } from '../replies/buttons.js';
import { isCommand, type Turn } from '../turnUnderstanding.js';
import type { ContractDialogDeps } from './contractDialogDeps.js';
import { DONE, isReroute, REROUTE } from '../dialogOutcome.js';
import { TurnContracts } from './turnContracts.js';
import { sayContractsUnavailable } from './contractsUnavailable.js';
import { STEP_COUNT, stepText } from './walkthroughSteps.js';
import { VerificationSteps, verifiedOf, type VerifyOptions } from './verificationSteps.js';
import { QUOTE_REQUEST_DIALOG, QuoteRequestDialog, type QuoteRequestOptions } from './quoteRequestDialog.js';
import { quoteProgressLine } from './quoteReply.js';

export const WALKTHROUGH_DIALOG = 'walkthroughDialog';
/** Named apart from the former flow, whose steps came after a nested verification dialog. */
const FLOW = 'walkthroughDialog.verifyAndWalk';
const STEPS = 'walkthroughDialog.steps';

/** Under the answer to a quote request: step 4's moves, without asking again. */
const AFTER_QUOTE_BUTTONS = ['walk.buttons.next', 'walk.buttons.back', 'walk.buttons.skip', 'walk.buttons.stop'];

/** The words that move through the walk, in both languages (lists in locales/…/commands). */
export const WALK_COMMANDS = ['next', 'back', 'skip', 'stop', 'whereWasI', 'quote'] as const;

export interface WalkthroughOptions extends VerifyOptions {
  renewalId?: RenewalId;
}

/**
 * "I want to renew": verifies the user (unless this conversation already did), then walks
 * them through the six steps of the renewal with their own contract. Progress is kept with
 * the contract after every step, so whoever verifies it again, on any device, resumes there;
 * user state keeps which contract the user last walked ("where was I?").
 */
export class WalkthroughDialog extends ComponentDialog<WalkthroughOptions> {
  constructor(private readonly deps: ContractDialogDeps) {
    super(WALKTHROUGH_DIALOG);
    const verification = new VerificationSteps<WalkthroughOptions>(deps, FLOW, this.givenId.bind(this));
    for (const prompt of verification.prompts()) this.addDialog(prompt);
    this.addDialog(new WalkthroughStepsDialog(deps));
    this.addDialog(new QuoteRequestDialog(deps));
    this.addDialog(new WaterfallDialog(FLOW, [...verification.steps(), this.walk.bind(this), this.done.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** The contract named in the message, or the one this user walked last. */
  private async givenId(step: WaterfallStepContext<WalkthroughOptions>): Promise<RenewalId | undefined> {
    const saved = (await this.deps.state.profile.get(step.context, {})).walkthrough;
    return step.options.renewalId ?? extractRenewalId(step.context.activity.text ?? '') ?? saved?.renewalId;
  }

  /** After the verification steps: only a verified contract gets here. */
  private async walk(step: WaterfallStepContext<WalkthroughOptions>): Promise<DialogTurnResult> {
    const renewalId = verifiedOf(step.result)?.renewalId;
    if (!renewalId) return step.endDialog(DONE);
    return step.beginDialog(STEPS, { renewalId });
  }

  private async done(step: WaterfallStepContext<WalkthroughOptions>): Promise<DialogTurnResult> {
    return step.endDialog(isReroute(step.result) ? REROUTE : DONE);
  }
}

/** The walk itself: one step on screen at a time, moved by next/back/skip/stop/where was I. */
class WalkthroughStepsDialog extends Dialog<{ renewalId: RenewalId }> {
  constructor(private readonly deps: ContractDialogDeps) {
    super(STEPS);
  }

  override async beginDialog(dc: DialogContext, options?: { renewalId: RenewalId }): Promise<DialogTurnResult> {
    const renewalId = options?.renewalId;
    if (!renewalId) return dc.endDialog(DONE);
    const turn = await this.deps.understanding.of(dc.context);
    const resumeAt = (await this.deps.progress.get(renewalId))?.step ?? 1;
    if (resumeAt > 1) await dc.context.sendActivity(turn.t('walk.resuming', { step: resumeAt, total: STEP_COUNT }));
    else await dc.context.sendActivity(turn.t('walk.start', { renewalId }));
    Object.assign(dc.activeDialog?.state ?? {}, { renewalId });
    return this.show(dc, turn, renewalId, resumeAt);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const turn = await this.deps.understanding.of(dc.context);
    const renewalId = renewalIdOf(dc);
    const saved = renewalId ? await this.deps.progress.get(renewalId) : undefined;
    if (!renewalId || !saved) return dc.endDialog(DONE);
    // The whole message first: "where did we stop" is "where was I", not "stop".
    const command = WALK_COMMANDS.find((name) => isCommand(turn, name))
      ?? WALK_COMMANDS.find((name) => isCommand(turn, name, { withinShortMessage: true }));
    switch (command) {
      case 'next':
      case 'skip':
        if (saved.step >= STEP_COUNT) return this.finish(dc, turn, renewalId);
        return this.show(dc, turn, renewalId, saved.step + 1);
      case 'back':
        return this.show(dc, turn, renewalId, Math.max(1, saved.step - 1));
      case 'whereWasI':
        return this.show(dc, turn, renewalId, saved.step);
      case 'stop':
        await dc.context.sendActivity(turn.t('walk.stopped', { step: saved.step, total: STEP_COUNT }));
        return dc.endDialog(DONE);
      case 'quote':
        return dc.beginDialog(QUOTE_REQUEST_DIALOG, { renewalId, buttons: AFTER_QUOTE_BUTTONS } satisfies QuoteRequestOptions);
      default:
        // Another question: the main dialog answers it; "where was I?" brings the walk back.
        return dc.endDialog(REROUTE);
    }
  }

  /** Back from the quote request: a walk word typed instead of an address is carried out. */
  override async resumeDialog(dc: DialogContext, _reason: unknown, result?: unknown): Promise<DialogTurnResult> {
    const moved = typeof result === 'object' && result !== null && 'command' in result && result.command === true;
    return moved ? this.continueDialog(dc) : Dialog.EndOfTurn;
  }

  /** After an interruption (help, language switch) the current step is shown again. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state: unknown = instance.state;
    const renewalId = typeof state === 'object' && state !== null && 'renewalId' in state && typeof state.renewalId === 'string' && isRenewalId(state.renewalId) ? state.renewalId : undefined;
    const saved = renewalId ? await this.deps.progress.get(renewalId) : undefined;
    if (!renewalId || !saved) return;
    const turn = await this.deps.understanding.of(context);
    await this.send(context, turn, renewalId, saved.step);
  }

  private async show(dc: DialogContext, turn: Turn, renewalId: RenewalId, step: number): Promise<DialogTurnResult> {
    try {
      await this.send(dc.context, turn, renewalId, step);
    } catch (error) {
      await sayContractsUnavailable(dc.context, turn, error, { during: 'the walkthrough', renewalId });
      return dc.endDialog(DONE);
    }
    const updatedAt = this.deps.clock.now().toISOString();
    await this.deps.progress.save(renewalId, { step, updatedAt });
    const profile = await this.deps.state.profile.get(dc.context, {});
    profile.walkthrough = { renewalId, step, updatedAt };
    return Dialog.EndOfTurn;
  }

  private async send(context: TurnContext, turn: Turn, renewalId: RenewalId, step: number): Promise<void> {
    const contracts = TurnContracts.of(context, this.deps.contracts);
    const contract = await contracts.find(renewalId);
    if (!contract) throw new ContractServiceError('not-found', 'the contract of the walkthrough is no longer there');
    const account = await contracts.account(contract.account.accountNumber);
    const quote = step === 4 ? await this.deps.quoteDelivery.latest(renewalId) : undefined;
    const quoteLine = quote ? quoteProgressLine(quote, contract.reseller, turn.lang, turn.t) : undefined;
    const text = stepText(step, { contract, account, today: this.deps.clock.now(), lang: turn.lang, t: turn.t, quoteLine });
    await context.sendActivity(MessageFactory.suggestedActions(this.buttons(turn, step), text));
  }

  private buttons(turn: Turn, step: number): CardAction[] {
    const labels: string[] = [];
    if (step === 4) labels.push(turn.t('walk.buttons.quote'));
    labels.push(turn.t(step === STEP_COUNT ? 'walk.buttons.finish' : 'walk.buttons.next'));
    if (step > 1) labels.push(turn.t('walk.buttons.back'));
    if (step < STEP_COUNT) labels.push(turn.t('walk.buttons.skip'));
    labels.push(turn.t('walk.buttons.stop'));
    return labels.map(replyButton);
  }

  private async finish(dc: DialogContext, turn: Turn, renewalId: RenewalId): Promise<DialogTurnResult> {
    await this.deps.progress.clear(renewalId);
    const profile = await this.deps.state.profile.get(dc.context, {});
    delete profile.walkthrough;
    await dc.context.sendActivity(turn.t('walk.finished'));
    return dc.endDialog(DONE);
  }
}

function renewalIdOf(dc: DialogContext): RenewalId | undefined {
  const state: unknown = dc.activeDialog?.state;
  return typeof state === 'object' && state !== null && 'renewalId' in state && typeof state.renewalId === 'string' && isRenewalId(state.renewalId) ? state.renewalId : undefined;
}
