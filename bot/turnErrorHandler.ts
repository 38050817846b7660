import type { BotState, TurnContext } from 'botbuilder-core';
import type { Translator } from './i18n.js';
import type { Lang } from '../knowledge/language/lang.js';
import type { TurnUnderstanding } from '../dialogs/turnUnderstanding.js';

/**
 * The one place an unhandled error in a turn ends up: it is logged with the conversation
 * id, the user gets a short apology in their language (never a stack trace), and the
 * conversation's dialog stack is cleared so the next message starts afresh.
 */
export function turnErrorHandler(deps: { translator: Translator; understanding: TurnUnderstanding; conversationState: BotState; defaultLang: Lang }) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const log = deps.understanding.loggerFor(context);
    log.error({ err: error, activityType: context.activity.type }, 'unhandled error in turn');
    try {
      const lang = await deps.understanding.languageOf(context).catch(() => undefined);
      await context.sendActivity(deps.translator.forLang(lang ?? deps.defaultLang)('errors.turn'));
    } catch (sendError) {
      log.error({ err: sendError }, 'could not send the apology');
    }
    try {
      await deps.conversationState.delete(context);
    } catch (deleteError) {
      log.error({ err: deleteError }, 'could not clear the conversation state');
    }
  };
}
