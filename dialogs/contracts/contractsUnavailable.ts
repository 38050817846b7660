import { MessageFactory, type CardAction, type TurnContext } from 'botbuilder-core';
import { ContractApiError, ContractServiceError, maskRenewalId } from '../../services/contracts/index.js';
import type { Turn } from '../turnUnderstanding.js';

export interface ContractTrouble {
  /** What the bot was doing, for the log line ("status", "the walkthrough"…). */
  during: string;
  /** The contract concerned, masked in the log. */
  renewalId?: string;
  /** Buttons offered with the apology (e.g. talk to a person). @default none */
  buttons?: CardAction[];
}

/**
 * The one answer to a contract service that failed: logs it (code, HTTP status, masked ID and,
 * through the turn's logger, the conversation id) and tells the user the contracts cannot be
 * reached just now, in their language. Anything that is not a contract service failure is a
 * bug and is thrown again, for the turn error handler.
 */
export async function sayContractsUnavailable(context: TurnContext, turn: Turn, error: unknown, trouble: ContractTrouble): Promise<void> {
  if (!(error instanceof ContractServiceError)) throw error;
  const status = error instanceof ContractApiError ? error.status : undefined;
  turn.log.error(
    { code: error.code, status, ...(trouble.renewalId ? { renewalId: maskRenewalId(trouble.renewalId) } : {}) },
    `contract service failed during ${trouble.during}`,
  );
  const text = turn.t('contracts.unavailable');
  await context.sendActivity(trouble.buttons && trouble.buttons.length > 0 ? MessageFactory.suggestedActions(trouble.buttons, text) : MessageFactory.text(text));
}
