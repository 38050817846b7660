import { z } from 'zod';

/** An empty string in the environment means "not set". */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional())
  .optional();

const lang = z.enum(['fr', 'en']);

/** Web origins such as `https://www.example.com`, comma-separated (ALLOWED_ORIGINS). */
const originList = z
  .string()
  .default('')
  .refine(
    (v) => v.split(',').map((s) => s.trim()).filter((s) => s !== '').every(isOrigin),
    'must be origins such as https://www.example.com, comma-separated',
  )
  .transform((v) => v.split(',').map((s) => s.trim().replace(/\/+$/, '')).filter((s) => s !== ''));

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/+$/, '').toLowerCase();
  } catch {
    return false;
  }
}

/** `name:token,name:token`: agent names (unique) and their sign-in tokens (24 characters or more). */
const agentTokens = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const agents: Array<{ name: string; token: string }> = [];
    for (const part of v.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      const colon = part.indexOf(':');
      const name = colon > 0 ? part.slice(0, colon).trim() : '';
      const token = colon > 0 ? part.slice(colon + 1).trim() : '';
      if (name === '' || token.length < 24) {
        ctx.addIssue({ code: 'custom', message: `each entry must be name:token with a token of at least 24 characters (entry ${agents.length + 1} is not)` });
        return z.NEVER;
      }
      if (agents.some((a) => a.name === name)) {
        ctx.addIssue({ code: 'custom', message: `agent name "${name}" is listed twice` });
        return z.NEVER;
      }
      agents.push({ name, token });
    }
    return agents;
  });

/**
 * Every setting the bot reads from its environment, parsed once at start-up.
 * The Bot Framework's own names are kept as they are (MicrosoftAppId…); ours are UPPER_SNAKE.
 */
export const configSchema = z.object({
  /** Bot registration app id. Empty: local mode (Emulator, terminal chat, embedded Direct Line). */
  MicrosoftAppId: optionalString,
  /** Bot registration secret (client secret). */
  MicrosoftAppPassword: optionalString,
  /** @default MultiTenant when an app id is set */
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Required for SingleTenant and UserAssignedMSI. */
  MicrosoftAppTenantId: optionalString,
  /** @default 3978 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** @default fr, the language used when a message gives no clue */
  DEFAULT_LANGUAGE: lang.default('fr'),
  /** @default info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** @default sqlite; memory is for tests */
  STORAGE: z.enum(['sqlite', 'memory']).default('sqlite'),
  /** @default data/bot-state.sqlite */
  STORAGE_FILE: z.string().trim().min(1).default('data/bot-state.sqlite'),
  /** The vendor's contract API; when not set, contracts come from CONTRACTS_FILE. */
  CONTRACT_API_URL: optionalUrl,
  /** Bearer token for CONTRACT_API_URL. */
  CONTRACT_API_TOKEN: optionalString,
  /** @default 5000 */
  CONTRACT_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** @default the sample file the project ships (data-samples/contracts.sample.json) */
  CONTRACTS_FILE: optionalString,
  /**
   * Key for the hashes under which failed verification attempts are counted. Recommended:
   * with only 10^8 renewal IDs, plain hashes could be reversed. @default none (plain SHA-256)
   */
  VERIFICATION_KEY_SECRET: optionalString,
  /** Links that the FAQ names; left out of answers when not configured. */
  CUSTOMER_PORTAL_URL: optionalUrl,
  PARTNER_LOCATOR_URL: optionalUrl,
  RENEWAL_POLICY_URL: optionalUrl,
  CUSTOMER_SERVICE_URL: optionalUrl,
  SALES_URL: optionalUrl,
  KNOWLEDGE_BASE_URL: optionalUrl,
  SYMHELP_URL: optionalUrl,
  FORUMS_URL: optionalUrl,
  RENEWALS_PAGE_URL: optionalUrl,
  /**
   * Secret of the Azure Bot's Direct Line channel, exchanged on the server for per-user tokens
   * (never sent to browsers). Not set: in local mode the page uses the bot's embedded Direct Line
   * endpoint; in production mode the chat page answers 503.
   */
  DIRECT_LINE_SECRET: optionalString,
  /** @default https://directline.botframework.com/v3/directline (regional: https://europe.directline.botframework.com/v3/directline) */
  DIRECT_LINE_ENDPOINT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .default('https://directline.botframework.com/v3/directline')
      .transform((v) => v.replace(/\/+$/, '')),
  ),
  /** @default none: only the bot's own pages may get chat tokens; list the sites that embed the chat */
  ALLOWED_ORIGINS: originList,
  /** @default 10 chat tokens per client IP address per minute */
  TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Bearer token for POST /api/notify. Not set: /api/notify answers only in local mode, to this machine. */
  NOTIFY_TOKEN: optionalString,
  /**
   * Key (32 characters or more) of the hashes that stand for user and conversation ids in the
   * feedback records. Required in production with SQLite storage; in local mode one is generated
   * on first start and kept in `<STORAGE_FILE>.feedback-key`. @default generated locally
   */
  FEEDBACK_KEY_SECRET: optionalString.pipe(z.string().min(32, 'must have at least 32 characters').optional()),
  /** @default 90 days; older feedback records are deleted (at start-up, then daily) */
  FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** @default 0.35; FAQ answers given with a recognizer score below it are also reported as unanswered */
  FEEDBACK_LOW_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.35),
  /** Support agents, `name:token,name:token` (tokens of 24 characters or more). @default none: the report page refuses everyone */
  AGENT_TOKENS: agentTokens,
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Settings whose values an error message never repeats (they would end up in logs). */
const SECRET_NAMES: ReadonlySet<string> = new Set(['AGENT_TOKENS', 'FEEDBACK_KEY_SECRET']);

/**
 * Parses the environment into a Config. Throws a ConfigError whose message is one line
 * naming each variable that is wrong, e.g. `PORT: expected a number (got "abc")`.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const got = typeof env[name] === 'string' && !SECRET_NAMES.has(name) ? ` (got ${JSON.stringify(env[name])})` : '';
      return `${name}: ${issue.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const config = result.data;
  if (config.MicrosoftAppId && !config.MicrosoftAppPassword && config.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('Invalid configuration: MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if ((config.MicrosoftAppType === 'SingleTenant' || config.MicrosoftAppType === 'UserAssignedMSI') && !config.MicrosoftAppTenantId) {
    throw new ConfigError(`Invalid configuration: MicrosoftAppTenantId: required when MicrosoftAppType is ${config.MicrosoftAppType}`);
  }
  if (config.CONTRACT_API_URL && !config.CONTRACT_API_TOKEN) {
    throw new ConfigError('Invalid configuration: CONTRACT_API_TOKEN: required when CONTRACT_API_URL is set');
  }
  if (isProduction(config) && config.STORAGE === 'sqlite' && !config.FEEDBACK_KEY_SECRET) {
    throw new ConfigError('Invalid configuration: FEEDBACK_KEY_SECRET: required in production (32 characters or more), so that every instance hashes ids alike');
  }
  return config;
}

/** Production mode: the bot is registered with Azure (an app id is set). */
export function isProduction(config: Config): boolean {
  return Boolean(config.MicrosoftAppId);
}
