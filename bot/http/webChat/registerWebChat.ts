import type { Server } from 'restify';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Lang } from '../../../knowledge/language/lang.js';
import type { ChatTokenIssuer } from '../directLine/chatTokenIssuers.js';
import { registerChatTokenRoute } from '../directLine/chatTokenRoute.js';
import { registerNotifyRoute, type NotifyRouteOptions } from '../directLine/notifyRoute.js';
import type { OriginPolicy } from '../directLine/originPolicy.js';
import type { TokenBucketLimiter } from '../directLine/tokenBucket.js';
import type { UserIds } from '../directLine/userIds.js';
import { registerStaticRoutes } from './staticRoutes.js';

/** What the support-site chat serves, built by the wiring (bot/app.ts). */
export interface WebChatRoutes {
  logger: Logger;
  /** Where chat tokens come from; undefined when there is none (production without DIRECT_LINE_SECRET). */
  issuer?: ChatTokenIssuer;
  users: UserIds;
  origins: OriginPolicy;
  limiter: TokenBucketLimiter;
  /** The page's Content-Security-Policy (see pageCsp). */
  pageCsp: string;
  /** The page's texts in both languages (webChat.page.* of the locale files). */
  strings: Record<Lang, Record<string, string>>;
  /** `/api/notify`, when it is on (local mode, or NOTIFY_TOKEN set). */
  notify?: NotifyRouteOptions;
  /** The embedded Direct Line endpoint (local mode only). */
  local?: { register(server: Server): void };
}

/**
 * Serves the support-site chat: the page and its assets, the token route, and when handed in
 * the embedded Direct Line endpoint with its Bot Connector side and `/api/notify`. See
 * web/README.md.
 */
export function registerWebChat(server: Server, routes: WebChatRoutes): void {
  routes.local?.register(server);
  if (routes.notify) registerNotifyRoute(server, routes.notify);
  registerChatTokenRoute(server, { issuer: routes.issuer, users: routes.users, origins: routes.origins, limiter: routes.limiter, logger: routes.logger });
  registerStaticRoutes(server, { pageCsp: routes.pageCsp, strings: routes.strings });
}

/**
 * The page's Content-Security-Policy: scripts only from this server (Web Chat included), so a
 * message that slipped markup through could still not run a script; Web Chat injects its
 * styles at run time, hence 'unsafe-inline' for styles only.
 */
export function pageCsp(config: Pick<Config, 'DIRECT_LINE_SECRET' | 'DIRECT_LINE_ENDPOINT'>): string {
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
