import type { DirectLineTokenSource } from './directLineTokenClient.js';
import type { IdGenerator } from './ids.js';
import type { LocalTokens } from './localTokens.js';

/** What the page needs to open Web Chat's Direct Line connection. */
export interface ChatToken {
  token: string;
  conversationId: string;
  /** Seconds. */
  expires_in: number;
  /** Web Chat's `domain` option: the Direct Line base URL, ending in /v3/directline. */
  domain: string;
  /** Whether the endpoint streams over WebSocket (the embedded one only answers polling). */
  webSocket: boolean;
}

/**
 * Gives a token to a user: from the Direct Line service (production) or from the bot's
 * embedded endpoint (local mode). `botOrigin` is the bot's origin as the browser reached it.
 */
export type ChatTokenIssuer = (userId: string, botOrigin: string) => Promise<ChatToken>;

/** Tokens from the Direct Line service, the secret exchanged on the server. */
export function directLineIssuer(source: DirectLineTokenSource, endpoint: string): ChatTokenIssuer {
  return async (userId) => ({ ...(await source.generate(userId)), domain: endpoint, webSocket: true });
}

/** Tokens of the embedded endpoint, each for a new conversation id. */
export function localIssuer(tokens: LocalTokens, newId: IdGenerator): ChatTokenIssuer {
  return async (userId, botOrigin) => {
    const conversationId = newId();
    return { ...tokens.issue(conversationId, userId), conversationId, domain: `${botOrigin}${LOCAL_DIRECT_LINE_PATH}`, webSocket: false };
  };
}

/** Where the embedded Direct Line endpoint is served. */
export const LOCAL_DIRECT_LINE_PATH = '/v3/directline';
