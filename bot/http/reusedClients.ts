import {
  ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder-core';
import {
  AuthenticationConstants, ClaimsIdentity,
  type AuthenticateRequestResult, type ConnectorClient, type ConnectorFactory, type UserTokenClient,
} from 'botframework-connector';
import { LruCache } from '../cache/lruCache.js';

/** The claims botframework-connector reads the bot's app id from (its `getAppId`). */
const AUDIENCE_CLAIM = 'aud';
const APP_ID_CLAIM = 'appid';

/** Clients kept at most: one per (app id, service URL, audience) the bot answers. */
export const MAX_REUSED_CLIENTS = 256;

/**
 * The CloudAdapter asks for a new ConnectorClient and a new UserTokenClient on every turn;
 * each builds an Azure HTTP pipeline (~5% of a turn's CPU under load, and garbage). Both are
 * stateless apart from their credentials and depend only on the bot's app id, the service URL
 * and the audience, so this authentication hands out the same client for the same inputs, at
 * most {@link MAX_REUSED_CLIENTS} of each, the least recently used forgotten first. Everything
 * else (token validation included) is the configuration authentication's own, every turn.
 */
export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors: LruCache<string, Promise<ConnectorClient>>;
  private readonly userTokens: LruCache<string, Promise<UserTokenClient>>;
  /** No app id: botbuilder authenticates nothing (local mode) and answers every turn alike. */
  private readonly authenticationDisabled: boolean;
  /** Local mode: the first unauthenticated turn's answer, but for its (per-turn) identity. */
  private anonymous?: Omit<AuthenticateRequestResult, 'claimsIdentity'>;

  constructor(options: ConfigurationBotFrameworkAuthenticationOptions, maxClients = MAX_REUSED_CLIENTS) {
    super(options);
    this.connectors = new LruCache(maxClients);
    this.userTokens = new LruCache(maxClients);
    this.authenticationDisabled = !options.MicrosoftAppId;
  }

  /**
   * Local mode answers every activity (but an Emulator skill's) the same: an anonymous identity,
   * no caller id, the channel's audience, a connector factory for the empty app id; the header is
   * not read. That answer is taken from botbuilder's first one and given again without its
   * chain of awaiter calls (about six a turn). With an app id, every request is validated.
   */
  override async authenticateRequest(activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0], authHeader: string): Promise<AuthenticateRequestResult> {
    const known = this.anonymous;
    const ordinary = !fromEmulatedSkill(activity);
    if (known && ordinary) return { ...known, claimsIdentity: new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType) };
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    const answer = factory ? { ...result, connectorFactory: this.reusing(factory, appIdOf(result.claimsIdentity)) } : result;
    if (this.authenticationDisabled && ordinary && isAnonymous(answer.claimsIdentity)) {
      const { claimsIdentity: _perTurn, ...rest } = answer;
      this.anonymous = rest;
    }
    return answer;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remembered(this.userTokens, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, appId: string): ConnectorFactory {
    const connectors = this.connectors;
    return {
      create: (serviceUrl: string, audience?: string) =>
        remembered(connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
  }
}

/** The cached promise for `key`, or a new one from `make`; a rejected promise is not kept. */
function remembered<T>(cache: LruCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const made = make();
  cache.set(key, made);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}

/** botbuilder gives an Emulator activity addressed to a skill its own anonymous skill identity. */
function fromEmulatedSkill(activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0]): boolean {
  return activity.channelId === 'emulator' && activity.recipient?.role === 'skill';
}

/** The identity botbuilder gives an unauthenticated activity: no claims, authentication type "anonymous". */
function isAnonymous(identity: ClaimsIdentity): boolean {
  // authenticationType is private in the typings (channelTrust reads it the same way).
  const fields: unknown = identity;
  const type = typeof fields === 'object' && fields !== null && 'authenticationType' in fields ? fields.authenticationType : undefined;
  return type === AuthenticationConstants.AnonymousAuthType && identity.claims.length === 0;
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AUDIENCE_CLAIM) ?? claimsIdentity.getClaimValue(APP_ID_CLAIM) ?? '';
}
