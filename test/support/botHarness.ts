import { MemoryStorage, TestAdapter, type Activity, type Middleware, type Storage, type TurnContext } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import type { Logger } from 'pino';
import type { Clock } from '../../services/clock.js';
import type { IntentRecognizer } from '../../knowledge/recognizer/recognizer.js';
import type { ContractService } from '../../services/contracts/index.js';
import { createBot, type BotParts } from '../../bot/app.js';
import { loadConfig, type Config } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import type { FaqId, IntentId, Lang } from '../../knowledge/schema.js';
import { formatDateText } from '../../dialogs/formatDate.js';
import type { QuoteMailer } from '../../services/quotes/index.js';
import { FakeMailer } from '../services/quotes/fakeMailer.js';
import type { PersonalChatOpener } from '../../dialogs/contracts/personalChat.js';

export interface Harness {
  parts: BotParts;
  adapter: TestAdapter;
  storage: Storage;
  /** The localized string of a locale key, as the bot would say it. */
  say(lang: Lang, key: string, vars?: Record<string, unknown>): string;
  /** The FAQ answer text of an entry, as the bot would say it. */
  answer(id: FaqId, lang: Lang): string;
  /** The FAQ answer followed by "Was this helpful?", as given the first time in a conversation. */
  asked(id: FaqId, lang: Lang): string;
  title(id: IntentId, lang: Lang): string;
}

/** A bot built by the real wiring, on memory storage, behind botbuilder's TestAdapter. */
export interface HarnessOptions {
  env?: Record<string, string>;
  locale?: string;
  storage?: Storage;
  clock?: Clock;
  /** Fields set on every activity the test sends (channel, tenant, user…). */
  template?: Partial<Activity>;
  /** Where quote e-mails go. @default a FakeMailer that accepts them (nothing written to disk) */
  mailer?: QuoteMailer;
  /** Plays a production adapter that validated a Bot Framework channel token for every turn. */
  channelAuthenticated?: boolean;
  /** Replaces the sample contract service (a failing one, a counting one). */
  contracts?: ContractService;
  /** Replaces the silent logger (tests that read the log lines). */
  logger?: Logger;
  /** Replaces the real recognizer (a fake that answers as the test says). */
  recognizer?: IntentRecognizer;
  /** Replaces the Teams personal chat opener (a fake that records what it was asked). */
  personalChat?: PersonalChatOpener;
}

export function botHarness(options: HarnessOptions = {}): Harness {
  const config: Config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', ...options.env });
  const storage = options.storage ?? new MemoryStorage();
  const mailer = options.mailer ?? new FakeMailer();
  const parts = createBot(config, options.logger ?? createLogger('silent'), {
    storage,
    mailer,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.contracts ? { contracts: options.contracts } : {}),
    ...(options.recognizer ? { recognizer: options.recognizer } : {}),
    ...(options.personalChat ? { personalChat: options.personalChat } : {}),
  });
  // The template is applied to every activity the test sends: it plays the channel's locale.
  const template: Partial<Activity> = { ...(options.locale ? { locale: options.locale } : {}), ...options.template };
  const adapter = new TestAdapter((context) => parts.bot.run(context), template);
  adapter.onTurnError = parts.onTurnError;
  if (options.channelAuthenticated) adapter.use(channelIdentity());
  for (const m of parts.middleware) adapter.use(m);
  return {
    parts,
    adapter,
    storage,
    say: (lang, key, vars) => parts.translator.forLang(lang)(key, vars ?? {}),
    answer: (id, lang) => formatDateText(parts.kb.faq(id)[lang].answer, lang),
    asked: (id, lang) => `${formatDateText(parts.kb.faq(id)[lang].answer, lang)}\n\n${parts.translator.forLang(lang)('feedback.question')}`,
    title: (id, lang) => parts.kb.title(id, lang),
  };
}

/** Middleware giving each turn the identity CloudAdapter sets after checking a channel's token. */
export function channelIdentity(): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const claims = [{ type: 'iss', value: 'https://api.botframework.com' }, { type: 'aud', value: 'bot-app-id' }];
      context.turnState.set(context.adapter.BotIdentityKey, new ClaimsIdentity(claims, 'Bearer'));
      await next();
    },
  };
}

/** The labels of a reply's suggested-action buttons. */
export function buttonsOf(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => a.title ?? '');
}

/** The plain-text content of a reply: its text, or its Adaptive Card's fallback text. */
export function contentOf(activity: Partial<Activity>): string {
  const content: unknown = activity.attachments?.[0]?.content;
  const fallback = typeof content === 'object' && content !== null && 'fallbackText' in content && typeof content.fallbackText === 'string' ? content.fallbackText : '';
  return [activity.text ?? '', fallback].filter(Boolean).join('\n');
}
