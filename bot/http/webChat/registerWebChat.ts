import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { isProduction, type Config } from '../../config.js';
import { readLocaleResources, type Translator } from '../../i18n.js';
import type { Logger } from '../../logger.js';
import { systemClock, type Clock } from '../../../services/clock.js';
import { langOfLocale } from '../../../knowledge/language/lang.js';
import { directLineIssuer, localIssuer, type ChatTokenIssuer } from '../directLine/chatTokenIssuers.js';
import { registerChatTokenRoute } from '../directLine/chatTokenRoute.js';
import { registerConnectorRoutes } from '../directLine/connectorRoutes.js';
import { ConversationReferences } from '../directLine/conversationReferences.js';
import { ConversationStore } from '../directLine/conversationStore.js';
import { DirectLineTokenClient, type DirectLineTokenSource } from '../directLine/directLineTokenClient.js';
import { randomId, type IdGenerator } from '../directLine/ids.js';
import { deriveKey, processSecret } from '../directLine/keys.js';
import { LocalChannel } from '../directLine/localChannel.js';
import { registerLocalDirectLine } from '../directLine/localDirectLineRoutes.js';
import { LocalTokens } from '../directLine/localTokens.js';
import { registerNotifyRoute } from '../directLine/notifyRoute.js';
import { OriginPolicy } from '../directLine/originPolicy.js';
import { TokenBucketLimiter } from '../directLine/tokenBucket.js';
import { UserIds } from '../directLine/userIds.js';
import { pageStrings } from './pageStrings.js';
import { registerStaticRoutes } from './staticRoutes.js';

export interface WebChatOptions {
  config: Config;
  logger: Logger;
  adapter: CloudAdapter;
  /** The bot's turn logic (RenewalBot.run). */
  logic: (context: TurnContext) => Promise<void>;
  translator: Translator;
  /** @default the system clock */
  clock?: Clock;
  /** @default 128 random bits */
  newId?: IdGenerator;
  /** @default the Direct Line service at DIRECT_LINE_ENDPOINT, when DIRECT_LINE_SECRET is set */
  directLine?: DirectLineTokenSource;
}

export interface WebChatParts {
  /** The embedded Direct Line endpoint's transcripts; undefined in production mode, where it is off. */
  store?: ConversationStore;
  references: ConversationReferences;
}

/**
 * Everything the support-site chat needs on the server: the page and its assets, the token
 * route, and in local mode the embedded Direct Line endpoint with its Bot Connector side and
 * `/api/notify`. See web/README.md.
 */
export function registerWebChat(server: Server, options: WebChatOptions): WebChatParts {
  const { config, logger, adapter } = options;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomId;
  const local = !isProduction(config);
  // Without a Direct Line secret, what is signed is valid until the process restarts.
  const keyMaterial = config.DIRECT_LINE_SECRET ?? processSecret();
  const origins = new OriginPolicy(config.ALLOWED_ORIGINS);
  const limiter = new TokenBucketLimiter({ perMinute: config.TOKEN_RATE_LIMIT_PER_MINUTE, clock });
  const references = new ConversationReferences();
  const users = new UserIds(deriveKey(keyMaterial, 'user-id'), newId);
  adapter.use(references.recorder());

  let issuer: ChatTokenIssuer | undefined;
  let store: ConversationStore | undefined;
  if (config.DIRECT_LINE_SECRET) {
    const source = options.directLine ?? new DirectLineTokenClient({ secret: config.DIRECT_LINE_SECRET, endpoint: config.DIRECT_LINE_ENDPOINT });
    issuer = directLineIssuer(source, config.DIRECT_LINE_ENDPOINT);
  }
  if (local) {
    store = new ConversationStore({ clock });
    const tokens = new LocalTokens(deriveKey(keyMaterial, 'local-token'), clock);
    const apology = (locale: string | undefined) => options.translator.forLang(langOfLocale(locale) ?? config.DEFAULT_LANGUAGE)('errors.turn');
    const channel = new LocalChannel({ adapter, logic: options.logic, store, clock, apology, logger });
    registerLocalDirectLine(server, { store, tokens, channel, origins, limiter, newId, users, logger });
    registerConnectorRoutes(server, store);
    issuer ??= localIssuer(tokens, newId);
  }
  if (local || config.NOTIFY_TOKEN) {
    registerNotifyRoute(server, {
      adapter,
      botAppId: config.MicrosoftAppId ?? '',
      references,
      translator: options.translator,
      defaultLang: config.DEFAULT_LANGUAGE,
      token: config.NOTIFY_TOKEN,
      logger,
    });
  }
  registerChatTokenRoute(server, { issuer, users, origins, limiter, logger });
  registerStaticRoutes(server, { pageCsp: pageCsp(config), strings: pageStrings(readLocaleResources()) });
  return { store, references };
}

/**
 * The page's Content-Security-Policy: scripts only from this server (Web Chat included), so a
 * message that slipped markup through could still not run a script; Web Chat injects its
 * styles at run time, hence 'unsafe-inline' for styles only.
 */
function pageCsp(config: Config): string {
  const directLine = config.DIRECT_LINE_SECRET ? new URL(config.DIRECT_LINE_ENDPOINT) : undefined;
  const connect = ["'self'", ...(directLine ? [directLine.origin, `wss://${directLine.host}`] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}
