import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from '../sdk.js';
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder-core';
import { foldText } from '../../knowledge/text/foldText.js';
import { ContractApiError, maskRenewalId } from '../../services/contracts/index.js';
import { contactEmailIn, isAccountAddress } from '../../services/quotes/index.js';
import { replyButton } from '../replies/buttons.js';
import type { Turn } from '../turnUnderstanding.js';
import type { ContractDialogDeps } from './contractDialogDeps.js';
import { quoteProgressLine, quoteReplyText } from './quoteReply.js';

export const QUOTE_REQUEST_DIALOG = 'quoteRequestDialog';

/** Unusable answers to "which address?" before the bot stops asking. */
const MAX_TRIES = 3;

/** The walkthrough's words that leave the question (the walk then carries them out). */
const WALK_WORDS = ['next', 'back', 'skip', 'stop', 'whereWasI'] as const;

export interface QuoteRequestOptions {
  renewalId: string;
  /** Locale keys of the buttons under the bot's last answer (the walkthrough's next moves). */
  buttons?: string[];
}

/** How the question ended: `command` when the user moved on with a walkthrough word instead. */
export interface QuoteRequestResult {
  quoteId?: string;
  command?: true;
}

interface AskState {
  renewalId: string;
  buttons: string[];
  tries: number;
  /** The account's e-mail domains: the only ones a copy may go to. */
  domains: string[];
}

function askStateOf(instance: DialogInstance | undefined): AskState | undefined {
  const state: unknown = instance?.state;
  if (typeof state !== 'object' || state === null) return undefined;
  const renewalId = 'renewalId' in state && typeof state.renewalId === 'string' ? state.renewalId : undefined;
  const tries = 'tries' in state && typeof state.tries === 'number' ? state.tries : 0;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const buttons = 'buttons' in state ? strings(state.buttons) : [];
  const domains = 'domains' in state ? strings(state.domains) : [];
  return renewalId ? { renewalId, tries, buttons, domains } : undefined;
}

/**
 * "Request a quote": offers to send the customer a copy (an e-mail address, optional and
 * checked), then hands the request to the quote delivery service and says honestly where it
 * stands: "sent" once the reseller has it, "recorded" until then.
 */
export class QuoteRequestDialog extends Dialog<QuoteRequestOptions> {
  constructor(private readonly deps: ContractDialogDeps) {
    super(QUOTE_REQUEST_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: QuoteRequestOptions): Promise<DialogTurnResult> {
    if (!options?.renewalId) return dc.endDialog();
    const turn = await this.deps.understanding.of(dc.context);
    const state: AskState = { renewalId: options.renewalId, buttons: options.buttons ?? [], tries: 0, domains: [] };
    let reseller: string;
    try {
      const contract = await this.deps.contracts.findByRenewalId(options.renewalId);
      if (!contract) throw new ContractApiError('not-found', 'the contract of the quote request is no longer there');
      if (contract.renewalState === 'ordered' || contract.renewalState === 'renewed') throw new ContractApiError('conflict', 'already ordered or renewed');
      reseller = contract.reseller.name;
      state.domains = contract.account.emailDomains;
    } catch (error) {
      if (!(error instanceof ContractApiError)) throw error;
      return this.fail(dc, turn, state, error);
    }
    if (dc.activeDialog) dc.activeDialog.state = state;
    await dc.context.sendActivity(MessageFactory.suggestedActions([replyButton(turn.t('quote.buttons.noCopy'))], turn.t('quote.askEmail', { reseller })));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = askStateOf(dc.activeDialog);
    if (!state) return dc.endDialog();
    const turn = await this.deps.understanding.of(dc.context);
    if (this.isNoCopy(turn)) return this.submit(dc, turn, state, undefined);
    const email = contactEmailIn(turn.text);
    if (email && isAccountAddress(email, state.domains)) return this.submit(dc, turn, state, email);
    if (!turn.text.includes('@') && WALK_WORDS.some((w) => this.deps.understanding.isCommand(turn.text, w, { withinShortMessage: true }))) {
      return dc.endDialog({ command: true } satisfies QuoteRequestResult);
    }
    state.tries += 1;
    if (dc.activeDialog) dc.activeDialog.state = state;
    if (state.tries >= MAX_TRIES) {
      await dc.context.sendActivity(MessageFactory.suggestedActions(this.buttons(turn, state), turn.t('quote.gaveUp')));
      return dc.endDialog({} satisfies QuoteRequestResult);
    }
    const retry = email ? turn.t('quote.emailDomain', { domains: state.domains.join(', ') }) : turn.t('quote.emailRetry');
    await dc.context.sendActivity(MessageFactory.suggestedActions([replyButton(turn.t('quote.buttons.noCopy'))], retry));
    return Dialog.EndOfTurn;
  }

  /** After help or a language switch: the question again, in the turn's language. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = askStateOf(instance);
    if (!state) return;
    const turn = await this.deps.understanding.of(context);
    const contract = await this.deps.contracts.findByRenewalId(state.renewalId);
    if (!contract) return;
    await context.sendActivity(MessageFactory.suggestedActions([replyButton(turn.t('quote.buttons.noCopy'))], turn.t('quote.askEmail', { reseller: contract.reseller.name })));
  }

  private isNoCopy(turn: Turn): boolean {
    const folded = foldText(turn.text);
    const words: unknown = turn.t('quote.noCopyWords', { returnObjects: true });
    const phrases = [turn.t('quote.buttons.noCopy'), ...(Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [])];
    return folded !== '' && phrases.some((p) => foldText(p) === folded);
  }

  private async submit(dc: DialogContext, turn: Turn, state: AskState, email: string | undefined): Promise<DialogTurnResult> {
    const from = dc.context.activity.from;
    try {
      const { quoteId, progress, repeated } = await this.deps.quoteDelivery.submit({
        renewalId: state.renewalId,
        // A channel may send any name: the request takes 200 characters at most.
        requestedBy: (from.name?.trim() || from.id).slice(0, 200),
        contactEmail: email,
        language: turn.lang,
      });
      const contract = await this.deps.contracts.findByRenewalId(state.renewalId);
      if (!contract) throw new ContractApiError('not-found', 'the contract of the quote request is no longer there');
      this.deps.logger.info({ renewalId: maskRenewalId(state.renewalId), quote: quoteId, state: progress.state, repeated: repeated === true }, 'quote requested');
      const text = repeated
        ? `${turn.t('quote.repeated', { id: quoteId })}\n${turn.t('status.fact', { label: turn.t('quote.label'), value: quoteProgressLine(progress, contract.reseller, turn.lang, turn.t) })}`
        : quoteReplyText(progress, contract.reseller, turn.t);
      await dc.context.sendActivity(MessageFactory.suggestedActions(this.buttons(turn, state), text));
      return dc.endDialog({ quoteId } satisfies QuoteRequestResult);
    } catch (error) {
      if (!(error instanceof ContractApiError)) throw error;
      return this.fail(dc, turn, state, error);
    }
  }

  private async fail(dc: DialogContext, turn: Turn, state: AskState, error: ContractApiError): Promise<DialogTurnResult> {
    if (error.code !== 'conflict') this.deps.logger.error({ code: error.code, renewalId: maskRenewalId(state.renewalId) }, 'quote request failed');
    const key = error.code === 'conflict' ? 'walk.quoteNotNeeded' : 'contracts.unavailable';
    await dc.context.sendActivity(MessageFactory.suggestedActions(this.buttons(turn, state), turn.t(key)));
    return dc.endDialog({} satisfies QuoteRequestResult);
  }

  private buttons(turn: Turn, state: AskState) {
    return state.buttons.map((key) => replyButton(turn.t(key)));
  }
}
