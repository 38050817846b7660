import type { Activity, TurnContext } from 'botbuilder-core';
import { CloudAdapter } from 'botbuilder/lib/cloudAdapter.js';
import { ClaimsIdentity } from 'botframework-connector';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';
import type { Request, Response } from 'restify';
import type { FailureLog } from './failureLog.js';
import type { MessageEndpoint } from './server.js';

/** The CloudAdapter, with its protected processActivity opened to the message endpoint. */
export class MessagesAdapter extends CloudAdapter {
  /** Authenticates the activity (in production), runs the turn; throws when authentication fails. */
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }

  /**
   * The identity of a turn the bot starts itself (continueConversationAsync,
   * createConversationAsync): CloudAdapter leaves it unauthenticated, so in production the
   * ServiceUrlGuard refused every proactive turn (handoff notices, the personal chat opened from
   * a Teams channel) without a word. The bot only calls serviceUrls it took from turns the guard
   * let through, so these turns count as authenticated, by the bot itself ("proactive").
   */
  protected override createClaimsIdentity(botAppId = ''): ClaimsIdentity {
    return new ClaimsIdentity(super.createClaimsIdentity(botAppId).claims, PROACTIVE_AUTHENTICATION);
  }
}

/** The authentication type of the turns the bot starts itself. */
export const PROACTIVE_AUTHENTICATION = 'proactive';

/**
 * `POST /api/messages` handed to the CloudAdapter, without CloudAdapter.process: that one
 * prints errors with console.error (not JSON) and sends their message to the caller (a
 * forged token's 500 named the login host). Here a refused token is a 401 and any other
 * failure a 500, both with a generic body and one JSON log line.
 */
export function adapterEndpoint(adapter: Pick<MessagesAdapter, 'handle'>, logic: (context: TurnContext) => Promise<void>, failures: FailureLog): MessageEndpoint {
  return {
    async process(checked: Activity, req: Request, res: Response): Promise<void> {
      const activity = validateAndFixActivity(checked);
      try {
        const invokeResponse = await adapter.handle(req.header('authorization') ?? '', activity, logic);
        res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
      } catch (error) {
        if (isAuthenticationFailure(error)) {
          failures.warn('message refused: authentication failed', error, { url: req.url });
          res.send(401, { error: 'unauthorized' });
        } else {
          failures.error('message endpoint failed', error, { url: req.url });
          res.send(500, { error: 'internal error' });
        }
      }
    },
  };
}

/** botframework-connector's AuthenticationError carries a 401 or 403 status code. */
function isAuthenticationFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && (error.statusCode === 401 || error.statusCode === 403);
}
