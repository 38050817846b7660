import { z } from 'zod';
import { formatIssues } from '../knowledge/validation/formatIssues.js';
import { isTimeZone, parseOpeningSpans } from '../services/handoff/index.js';
import { DEFAULT_LOW_CONFIDENCE } from '../services/feedback/feedbackRecorder.js';

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

/** `name:token,name:token`: the support agents and their desk/API tokens (AGENT_TOKENS). */
const agentTokens = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const agents = v.split(',').map((s) => s.trim()).filter((s) => s !== '').map((entry) => {
      const at = entry.indexOf(':');
      return { name: at < 0 ? '' : entry.slice(0, at).trim(), token: at < 0 ? entry : entry.slice(at + 1).trim() };
    });
    for (const { name, token } of agents) {
      if (!/^[\p{L}\p{N} ._-]{1,40}$/u.test(name)) ctx.addIssue({ code: 'custom', message: 'each entry must be name:token with a name of letters, digits, spaces, . _ - (40 at most)' });
      else if (token.length < 24) ctx.addIssue({ code: 'custom', message: `the token of ${name} must be at least 24 characters` });
    }
    if (new Set(agents.map((a) => a.name)).size !== agents.length) ctx.addIssue({ code: 'custom', message: 'agent names must be unique' });
    if (new Set(agents.map((a) => a.token)).size !== agents.length) ctx.addIssue({ code: 'custom', message: 'agent tokens must be unique' });
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
  /** @default SingleTenant when an app id is set (Azure no longer creates multi-tenant bots) */
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Required for SingleTenant and UserAssignedMSI. */
  MicrosoftAppTenantId: optionalString,
  /**
   * Address to listen on. @default loopback only (127.0.0.1 and ::1) in local mode, every
   * interface in production mode. Set 0.0.0.0 (or ::) to reach a local-mode bot from elsewhere.
   */
  HOST: optionalString,
  /** On SIGTERM, how long requests in flight may take to finish before they are cut. @default 10000 */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** @default 3978 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** @default fr, the language used when a message gives no clue */
  DEFAULT_LANGUAGE: lang.default('fr'),
  /** @default info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** @default sqlite; blob for several instances (Azure Blob Storage); memory is for tests */
  STORAGE: z.enum(['sqlite', 'blob', 'memory']).default('sqlite'),
  /** Azure Storage connection string; required when STORAGE=blob. */
  AZURE_STORAGE_CONNECTION_STRING: optionalString,
  /** Blob container holding state, verification attempts and quote requests; created if missing. @default bot-state */
  BLOB_CONTAINER: z.string().trim().regex(/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'must be a container name: 3-63 lowercase letters, digits and single hyphens').default('bot-state'),
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
   * Key for the hashes under which failed verification attempts are counted; required in
   * production mode: with only 10^8 renewal IDs, plain hashes could be reversed.
   * @default none in local mode (plain SHA-256)
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
   * feedback records. Not set: in production it is derived from VERIFICATION_KEY_SECRET (so every
   * instance hashes alike); in local mode one is generated on first start and kept in
   * `<STORAGE_FILE>.feedback-key`. @default derived or generated
   */
  FEEDBACK_KEY_SECRET: optionalString.pipe(z.string().min(32, 'must have at least 32 characters').optional()),
  /** @default 90 days; older feedback records are deleted (at start-up, then daily) */
  FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * @default 0.6; FAQ answers given with a recognizer score below it are also reported as unanswered.
   * Measured (npm run eval:feedback): under 0.6 about one answer in three is wrong, above it one in twenty.
   */
  FEEDBACK_LOW_CONFIDENCE: z.coerce.number().min(0).max(1).default(DEFAULT_LOW_CONFIDENCE),
  /** Support agents, `name:token,name:token` (tokens of 24 characters or more). @default none: local mode makes one agent with a one-time sign-in link */
  AGENT_TOKENS: agentTokens,
  /** Minutes without a request after which a desk session ends (sign in again). @default 30 */
  AGENT_SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(12 * 60).default(30),
  /**
   * Quote e-mails (to the reseller, a copy to the customer) go through this SMTP server:
   * `smtp://user:password@host:587` or `smtps://user:password@host:465`. Or use SMTP_HOST…
   * @default none: the e-mails are written as .eml files to OUTBOX_DIR
   */
  SMTP_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional())
    .optional(),
  SMTP_HOST: optionalString,
  /** @default 587 (465 when SMTP_SECURE=true) */
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** true: TLS from the first byte (port 465); false: STARTTLS when offered. @default true for port 465 */
  SMTP_SECURE: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  /** The From of quote e-mails, e.g. `Renewal assistant <renewals@example.com>`; required with SMTP. */
  MAIL_FROM: optionalString.pipe(
    z.string().regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address such as renewals@example.com or Name <renewals@example.com>').optional(),
  ),
  /** Where quote e-mails are written when no SMTP server is set. @default data/outbox */
  OUTBOX_DIR: z.string().trim().min(1).default('data/outbox'),
  /** How long the bot waits for a quote's delivery before answering "recorded". @default 5000 */
  QUOTE_DELIVERY_WAIT_MS: z.coerce.number().int().min(0).max(14_000).default(5000),
  /** How often failed quote deliveries due for a retry are looked for. @default 30000 */
  QUOTE_RETRY_SCAN_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /** desk: agents answer in the desk at /agent; event: send handoff.initiate to a contact-centre platform; both. @default desk */
  HANDOFF_MODE: z.enum(['desk', 'event', 'both']).default('desk'),
  /** When agents are at their desks, e.g. `mon-fri 09:00-18:00; sat 10:00-12:00`. @default mon-fri 09:00-18:00 */
  SUPPORT_HOURS: z.string().default('mon-fri 09:00-18:00').refine((v) => {
    try {
      return parseOpeningSpans(v).length > 0;
    } catch {
      return false;
    }
  }, 'must be like "mon-fri 09:00-18:00" (several spans separated by ;)'),
  /** @default Europe/Paris */
  SUPPORT_TIMEZONE: z.string().trim().default('Europe/Paris').refine(isTimeZone, 'must be a time zone such as Europe/Paris'),
  /** Minutes a case waits for an agent before the customer is told when agents are back. @default 5 */
  HANDOFF_WAIT_MINUTES: z.coerce.number().min(0.1).max(24 * 60).default(5),
  /** Days closed cases are kept before they are deleted. @default 30 */
  HANDOFF_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(30),
  /** Lines of the conversation kept with a case. @default 50 */
  HANDOFF_TRANSCRIPT_LINES: z.coerce.number().int().min(1).max(500).default(50),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Settings whose value may hold a secret: an error names them but never repeats their value. */
const SECRET_SETTINGS: ReadonlySet<string> = new Set(['SMTP_URL', 'SMTP_PASSWORD', 'AGENT_TOKENS', 'FEEDBACK_KEY_SECRET']);

/**
 * Parses the environment into a Config. Throws a ConfigError whose message is one line
 * naming each variable that is wrong, e.g. `PORT: expected a number (got "abc")`.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = formatIssues(result.error, {
      detail: (_issue, name) => (typeof env[name] === 'string' && !SECRET_SETTINGS.has(name) ? ` (got ${JSON.stringify(env[name])})` : ''),
    });
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const config = result.data;
  if (config.MicrosoftAppId && !config.MicrosoftAppPassword && config.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('Invalid configuration: MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  const appType = appTypeOf(config);
  if (config.MicrosoftAppId && (appType === 'SingleTenant' || appType === 'UserAssignedMSI') && !config.MicrosoftAppTenantId) {
    throw new ConfigError(`Invalid configuration: MicrosoftAppTenantId: required when MicrosoftAppType is ${appType}${config.MicrosoftAppType ? '' : ' (the default)'}`);
  }
  if (config.MicrosoftAppId && !config.VERIFICATION_KEY_SECRET) {
    throw new ConfigError('Invalid configuration: VERIFICATION_KEY_SECRET: required when MicrosoftAppId is set (a long random secret, e.g. `openssl rand -hex 32`)');
  }
  if (config.STORAGE === 'blob' && !config.AZURE_STORAGE_CONNECTION_STRING) {
    throw new ConfigError('Invalid configuration: AZURE_STORAGE_CONNECTION_STRING: required when STORAGE is blob');
  }
  if (config.CONTRACT_API_URL && !config.CONTRACT_API_TOKEN) {
    throw new ConfigError('Invalid configuration: CONTRACT_API_TOKEN: required when CONTRACT_API_URL is set');
  }
  if ((config.SMTP_URL || config.SMTP_HOST) && !config.MAIL_FROM) {
    throw new ConfigError('Invalid configuration: MAIL_FROM: required when SMTP_URL or SMTP_HOST is set');
  }
  if (config.SMTP_PASSWORD && !config.SMTP_USER) {
    throw new ConfigError('Invalid configuration: SMTP_USER: required when SMTP_PASSWORD is set');
  }
  return config;
}

/**
 * The bot registration's type: SingleTenant unless configured otherwise. Without an app id
 * (local mode) botbuilder needs MultiTenant, which then means "no authentication".
 */
export function appTypeOf(config: Config): 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' {
  if (!config.MicrosoftAppId) return 'MultiTenant';
  return config.MicrosoftAppType ?? 'SingleTenant';
}

/** Production mode: the bot is registered with Azure (an app id is set). */
export function isProduction(config: Config): boolean {
  return Boolean(config.MicrosoftAppId);
}
