import type { TurnContext } from 'botbuilder-core';
import type { Logger } from 'pino';
import type { CommandName, CommandReading, CommandWords } from '../knowledge/recognizer/commandWords.js';
import type { IntentRecognizer, Recognition } from '../knowledge/recognizer/recognizer.js';
import type { Lang } from '../knowledge/language/lang.js';
import { foldText } from '../knowledge/text/foldText.js';
import type { Translate, Translator } from './translation.js';
import type { StateAccessors } from './conversationData.js';
import { langOfLocale, resolveLanguage } from './turnLanguage.js';

/** Everything a dialog needs to know about the current message, worked out once per turn. */
export interface Turn {
  /** The message text, trimmed ('' for a message without text). */
  text: string;
  /** The text folded once (lower case, no accents or punctuation): what word checks compare. */
  folded: string;
  recognition: Recognition;
  /** The command words the message is, or holds ("next please"). */
  commands: CommandReading;
  /** The language to answer in. */
  lang: Lang;
  t: Translate;
  /** This turn's logger: every line carries the conversation id. */
  log: Logger;
}

/** Whether the message is a command ("annuler", "next"); `withinShortMessage` also counts "next please". */
export function isCommand(turn: Pick<Turn, 'commands'>, name: CommandName, options: { withinShortMessage?: boolean } = {}): boolean {
  return (options.withinShortMessage ? turn.commands.within : turn.commands.exact).has(name);
}

export interface TurnUnderstandingOptions {
  recognizer: IntentRecognizer;
  /** Command words of both languages (locale files, `commands.*`). */
  commands: CommandWords;
  translator: Translator;
  state: StateAccessors;
  defaultLang: Lang;
  /** The process logger; each turn gets a child carrying its conversation id. */
  logger: Logger;
}

const TURN_KEY = Symbol('turn');

/**
 * Reads the message once per turn (folded text, intent, command words) and settles the answer
 * language, which it stores; every dialog asks this service instead of reading again.
 */
export class TurnUnderstanding {
  private readonly recognizer: IntentRecognizer;
  private readonly commands: CommandWords;
  private readonly translator: Translator;
  private readonly state: StateAccessors;
  private readonly defaultLang: Lang;
  private readonly logger: Logger;

  constructor(options: TurnUnderstandingOptions) {
    this.recognizer = options.recognizer;
    this.commands = options.commands;
    this.translator = options.translator;
    this.state = options.state;
    this.defaultLang = options.defaultLang;
    this.logger = options.logger;
  }

  async of(context: TurnContext): Promise<Turn> {
    const cached: unknown = context.turnState.get(TURN_KEY);
    if (isTurn(cached)) return cached;
    const profile = await this.state.profile.get(context, {});
    const conversation = await this.state.conversation.get(context, {});
    const text = (context.activity.text ?? '').trim();
    const folded = foldText(text);
    const fallbackLang = conversation.language ?? langOfLocale(context.activity.locale) ?? this.defaultLang;
    const recognition = this.recognizer.recognize(text, { fallbackLang });
    const commands = this.commands.read(folded);
    const lang = resolveLanguage({
      chosen: profile.language,
      detected: detectedLanguage(recognition, commands),
      previous: conversation.language,
      channelLocale: context.activity.locale,
      fallback: this.defaultLang,
    });
    conversation.language = lang;
    let log: Logger | undefined;
    const makeLog = () => this.loggerFor(context);
    const turn: Turn = {
      text, folded, recognition, lang,
      commands,
      t: this.translator.forLang(lang),
      // Made when first used: most turns log nothing, and a child logger costs a little each turn.
      get log() {
        log ??= makeLog();
        return log;
      },
    };
    context.turnState.set(TURN_KEY, turn);
    return turn;
  }

  /** Records an explicit language choice made outside a message (the page's FR/EN toggle). */
  async choose(context: TurnContext, lang: Lang): Promise<void> {
    const profile = await this.state.profile.get(context, {});
    profile.language = lang;
    const conversation = await this.state.conversation.get(context, {});
    conversation.language = lang;
  }

  /** Switches the answer language for the rest of the current turn (after "speak English"). */
  async switchTo(context: TurnContext, lang: Lang): Promise<Turn> {
    const turn = await this.of(context);
    const profile = await this.state.profile.get(context, {});
    profile.language = lang;
    const conversation = await this.state.conversation.get(context, {});
    conversation.language = lang;
    const switched: Turn = { ...turn, lang, t: this.translator.forLang(lang) };
    context.turnState.set(TURN_KEY, switched);
    return switched;
  }

  /** A logger whose lines carry the conversation id (dialog errors, the turn error handler). */
  loggerFor(context: TurnContext): Logger {
    return this.logger.child({ conversationId: context.activity.conversation?.id });
  }

  /**
   * The language the bot answers this conversation in outside a message turn (welcome, errors,
   * reminders): as stored by the last turn or the user's choice, else channel locale or default.
   */
  async languageOf(context: TurnContext): Promise<Lang> {
    const profile = await this.state.profile.get(context, {});
    const conversation = await this.state.conversation.get(context, {});
    return resolveLanguage({ chosen: profile.language, previous: conversation.language, channelLocale: context.activity.locale, fallback: this.defaultLang });
  }
}

/**
 * The language the message shows: a message that is a command word says it by its list
 * ("suivant" is French), and a word of both lists ("stop", "pause") says nothing, so the
 * conversation keeps its language.
 */
function detectedLanguage(recognition: Recognition, commands: CommandReading): Lang | undefined {
  if (commands.exactLangs.size > 0) return commands.exactLangs.size === 1 ? [...commands.exactLangs][0] : undefined;
  return recognition.langDetected ? recognition.lang : undefined;
}

function isTurn(value: unknown): value is Turn {
  return typeof value === 'object' && value !== null && 'recognition' in value && 'lang' in value;
}
