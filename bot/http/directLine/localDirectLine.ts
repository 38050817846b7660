import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Clock } from '../../../services/clock.js';
import type { Logger } from '../../logger.js';
import { localIssuer, type ChatTokenIssuer } from './chatTokenIssuers.js';
import { registerConnectorRoutes } from './connectorRoutes.js';
import { ConversationStore } from './conversationStore.js';
import type { IdGenerator } from './ids.js';
import { deriveKey } from './keys.js';
import { LocalChannel } from './localChannel.js';
import { registerLocalDirectLine } from './localDirectLineRoutes.js';
import { LocalTokens } from './localTokens.js';
import type { OriginPolicy } from './originPolicy.js';
import type { TokenBucketLimiter } from './tokenBucket.js';
import type { UserIds } from './userIds.js';

export interface LocalDirectLineDeps {
  adapter: CloudAdapter;
  /** The bot's turn logic (RenewalBot.run). */
  logic: (context: TurnContext) => Promise<void>;
  clock: Clock;
  newId: IdGenerator;
  /** The secret the local tokens' key is derived from. */
  keyMaterial: string;
  origins: OriginPolicy;
  limiter: TokenBucketLimiter;
  /** Signs and checks the user ids handed out with tokens. */
  users: UserIds;
  /** What the user reads when a turn fails and the bot's own apology did not reach them (see LocalChannel). */
  apology: (locale: string | undefined) => string;
  logger: Logger;
}

/** The embedded Direct Line endpoint with its Bot Connector side, ready to be served. */
export interface LocalDirectLine {
  /** The transcripts of its conversations. */
  store: ConversationStore;
  /** Tokens for its conversations. */
  issuer: ChatTokenIssuer;
  register(server: Server): void;
}

/**
 * Local mode only: the wiring loads this module with a dynamic import, so a production
 * process never loads the embedded Direct Line endpoint (~1k lines) at all.
 */
export function createLocalDirectLine(deps: LocalDirectLineDeps): LocalDirectLine {
  const { clock, newId } = deps;
  const store = new ConversationStore({ clock });
  const tokens = new LocalTokens(deriveKey(deps.keyMaterial, 'local-token'), clock);
  const channel = new LocalChannel({ adapter: deps.adapter, logic: deps.logic, store, clock, apology: deps.apology, logger: deps.logger });
  return {
    store,
    issuer: localIssuer(tokens, newId),
    register(server) {
      registerLocalDirectLine(server, { store, tokens, channel, origins: deps.origins, limiter: deps.limiter, newId, users: deps.users, logger: deps.logger });
      registerConnectorRoutes(server, store);
    },
  };
}
