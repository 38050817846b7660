import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder-core';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from './sdk.js';

export interface TextInputOptions {
  prompt: Partial<Activity>;
  /** Sent when the answer is refused and the validator said nothing itself. */
  retryPrompt?: Partial<Activity>;
}

export interface TextInputCheck {
  context: TurnContext;
  text: string;
  /** 1 for the first answer, 2 for the second… */
  attemptCount: number;
}

/**
 * Says whether an answer is accepted (true), refused (false: asked again), or is not an answer
 * at all but another question ('leave'); it may reply itself (then no retry prompt is sent).
 */
export type TextInputValidator = (check: TextInputCheck) => Promise<boolean | 'leave'>;

/** What a TextInput ends with: the text of the answer, or `left` when the message was something else. */
export type TextInputResult = { kind: 'answer'; text: string } | { kind: 'left' };

/** The answer's text, or undefined when the user left the question for another one. */
export function answerOf(result: unknown): string | undefined {
  return typeof result === 'object' && result !== null && 'kind' in result && result.kind === 'answer' && 'text' in result && typeof result.text === 'string' ? result.text : undefined;
}

interface TextInputState {
  options: TextInputOptions;
  attemptCount: number;
}

/**
 * Asks a question and returns the next message's text. The same contract as botbuilder's
 * TextPrompt, without its base class, which loads the number and choice recognizers of every
 * culture (a tenth of a second of start-up) for prompts this bot never uses.
 */
export class TextInput extends Dialog<TextInputOptions> {
  constructor(dialogId: string, private readonly validator?: TextInputValidator) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: TextInputOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error(`TextInput ${this.id}: a prompt is required`);
    const state: TextInputState = { options, attemptCount: 0 };
    if (dc.activeDialog) dc.activeDialog.state = state;
    await dc.context.sendActivity(options.prompt);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = stateOf(dc.activeDialog);
    if (!state) return dc.endDialog();
    state.attemptCount += 1;
    const text = dc.context.activity.text ?? '';
    const verdict = this.validator ? await this.validator({ context: dc.context, text, attemptCount: state.attemptCount }) : true;
    if (verdict === 'leave') return dc.endDialog({ kind: 'left' } satisfies TextInputResult);
    if (verdict) return dc.endDialog({ kind: 'answer', text } satisfies TextInputResult);
    if (!dc.context.responded) await dc.context.sendActivity(state.options.retryPrompt ?? state.options.prompt);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = stateOf(instance);
    if (state) await context.sendActivity(state.options.prompt);
  }
}

function stateOf(instance: DialogInstance | undefined): TextInputState | undefined {
  const state: unknown = instance?.state;
  if (typeof state !== 'object' || state === null || !('options' in state) || !('attemptCount' in state)) return undefined;
  const { options, attemptCount } = state;
  if (typeof attemptCount !== 'number' || typeof options !== 'object' || options === null || !('prompt' in options)) return undefined;
  // Checked field by field just above.
  return state as TextInputState;
}
