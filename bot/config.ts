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
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/**
 * Parses the environment into a Config. Throws a ConfigError whose message is one line
 * naming each variable that is wrong, e.g. `PORT: expected a number (got "abc")`.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const got = typeof env[name] === 'string' ? ` (got ${JSON.stringify(env[name])})` : '';
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
  return config;
}

/** Production mode: the bot is registered with Azure (an app id is set). */
export function isProduction(config: Config): boolean {
  return Boolean(config.MicrosoftAppId);
}
