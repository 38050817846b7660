import type { BotState, TurnContext } from 'botbuilder-core';
import type { Logger } from './logger.js';
import type { Translator } from './i18n.js';
import type { Lang } from '../knowledge/language/lang.js';
import type { TurnUnderstanding } from '../dialogs/turnUnderstanding.js';

/**
 * The one place an unhandled error in a turn ends up: it is logged with the conversation
 * id, the user gets a short apology in their language (never a stack trace), and the
 * conversation's dialog stack is cleared so the next message starts afresh.
 */
export function turnErrorHandler(deps: { logger: Logger; translator: Translator; understanding: TurnUnderstanding; conversationState: BotState; defaultLang: Lang }) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    deps.logger.error({ err: error, conversationId: context.activity.conversation?.id, activityType: context.activity.type }, 'unhandled error in turn');
    try {
      const lang = await deps.understanding.languageOf(context).catch(() => undefined);
      await context.sendActivity(deps.translator.forLang(lang ?? deps.defaultLang)('errors.turn'));
    } catch (sendError) {
      deps.logger.error({ err: sendError, conversationId: context.activity.conversation?.id }, 'could not send the apology');
    }
    try {
      await deps.conversationState.delete(context);
    } catch (deleteError) {
      deps.logger.error({ err: deleteError, conversationId: context.activity.conversation?.id }, 'could not clear the conversation state');
    }
  };
}
