import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';
import { isProduction, type Config } from '../config.js';
import { readLocaleResources } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../../services/clock.js';
import type { HandoffService } from '../../services/handoff/index.js';
import { TokenBucketLimiter } from '../http/directLine/tokenBucket.js';
import { registerAgentApi } from './agentApi.js';
import { AgentDirectory, type AgentCredential } from './agentDirectory.js';
import { registerCaseEvents } from './caseEvents.js';
import { registerDeskRoutes } from './deskRoutes.js';
import { startHandoffTimers } from './handoffTimers.js';

/** The name of the agent made up for the local desk when AGENT_TOKENS is not set. */
export const LOCAL_AGENT = 'local';

export interface AgentDesk {
  agents: AgentDirectory;
  /** Failed authentications per client address, shared by every route that takes an agent token. */
  failures: TokenBucketLimiter;
  /** In local mode without AGENT_TOKENS: the path of a one-time sign-in link for the local desk. */
  signInPath?: string;
  /** Ends the live streams and the timers. */
  close(): void;
}

/**
 * The agents' side: directory of agents, JSON API, live events, the desk page, and the
 * handoff's timers. With the embedded defaults (local mode, no AGENT_TOKENS) one agent,
 * `local`, exists with a random token nobody sees, reached through a one-time sign-in link.
 */
export function createAgentDesk(server: Server, options: { config: Config; logger: Logger; handoff: HandoffService; clock: Clock }): AgentDesk {
  const { config, logger, handoff, clock } = options;
  const local = !isProduction(config) && config.AGENT_TOKENS.length === 0;
  const credentials: AgentCredential[] = local ? [{ name: LOCAL_AGENT, token: randomBytes(32).toString('hex') }] : config.AGENT_TOKENS;
  const agents = new AgentDirectory(credentials, clock, { sessionIdleMs: config.AGENT_SESSION_IDLE_MINUTES * 60_000 });
  // Wrong tokens, on the API or the sign-in form, share one budget per client address.
  const failures = new TokenBucketLimiter({ perMinute: 10, clock });
  registerAgentApi(server, { handoff, agents, logger, failures });
  const closeStreams = registerCaseEvents(server, { handoff, agents });
  const locales = readLocaleResources();
  registerDeskRoutes(server, {
    agents,
    secureCookies: isProduction(config),
    signInLimiter: failures,
    strings: { fr: deskStrings(locales.fr), en: deskStrings(locales.en) },
  });
  const stopTimers = startHandoffTimers(handoff, logger);
  return {
    agents,
    failures,
    ...(local ? { signInPath: `/agent/signin?code=${agents.newSignInCode(LOCAL_AGENT)}` } : {}),
    close: () => {
      stopTimers();
      closeStreams();
    },
  };
}

function deskStrings(resources: Record<string, unknown>): unknown {
  const handoff = resources.handoff;
  const reasons = typeof handoff === 'object' && handoff !== null && 'reasons' in handoff ? handoff.reasons : {};
  return { ...(typeof resources.handoffDesk === 'object' ? resources.handoffDesk : {}), reasons };
}
