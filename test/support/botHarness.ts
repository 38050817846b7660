import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createBot, type BotParts } from '../../bot/app.js';
import { loadConfig, type Config } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import type { FaqId, IntentId, Lang } from '../../knowledge/schema.js';
import { formatDateText } from '../../dialogs/formatDate.js';

export interface Harness {
  parts: BotParts;
  adapter: TestAdapter;
  storage: Storage;
  /** The localized string of a locale key, as the bot would say it. */
  say(lang: Lang, key: string, vars?: Record<string, unknown>): string;
  /** The FAQ answer text of an entry, as the bot would say it. */
  answer(id: FaqId, lang: Lang): string;
  title(id: IntentId, lang: Lang): string;
}

/** A bot built by the real wiring, on memory storage, behind botbuilder's TestAdapter. */
export function botHarness(options: { env?: Record<string, string>; locale?: string; storage?: Storage } = {}): Harness {
  const config: Config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', ...options.env });
  const storage = options.storage ?? new MemoryStorage();
  const parts = createBot(config, createLogger('silent'), { storage });
  // The template is applied to every activity the test sends: it plays the channel's locale.
  const adapter = new TestAdapter((context) => parts.bot.run(context), options.locale ? { locale: options.locale } : undefined);
  adapter.onTurnError = parts.onTurnError;
  return {
    parts,
    adapter,
    storage,
    say: (lang, key, vars) => parts.translator.forLang(lang)(key, vars ?? {}),
    answer: (id, lang) => formatDateText(parts.kb.faq(id)[lang].answer, lang),
    title: (id, lang) => parts.kb.title(id, lang),
  };
}

/** The labels of a reply's suggested-action buttons. */
export function buttonsOf(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => a.title ?? '');
}
