import type { TurnContext } from 'botbuilder-core';
import type { IntentRecognizer, Recognition } from '../knowledge/recognizer/recognizer.js';
import { LANGS, type Lang } from '../knowledge/language/lang.js';
import { foldText } from '../knowledge/text/foldText.js';
import type { Translate, Translator } from './translation.js';
import type { StateAccessors } from './conversationData.js';
import { langOfLocale, resolveLanguage } from './turnLanguage.js';

/** Everything a dialog needs to know about the current message, worked out once per turn. */
export interface Turn {
  /** The message text, trimmed ('' for a message without text). */
  text: string;
  recognition: Recognition;
  /** The language to answer in. */
  lang: Lang;
  t: Translate;
}

const TURN_KEY = Symbol('turn');

/**
 * Recognizes the message and settles the answer language once per turn; every dialog asks
 * this service instead of recognizing again.
 */
export class TurnUnderstanding {
  private readonly commands = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly recognizer: IntentRecognizer,
    private readonly translator: Translator,
    private readonly state: StateAccessors,
    private readonly defaultLang: Lang,
  ) {}

  async of(context: TurnContext): Promise<Turn> {
    const cached: unknown = context.turnState.get(TURN_KEY);
    if (isTurn(cached)) return cached;
    const profile = await this.state.profile.get(context, {});
    const conversation = await this.state.conversation.get(context, {});
    const text = (context.activity.text ?? '').trim();
    const fallbackLang = conversation.language ?? langOfLocale(context.activity.locale) ?? this.defaultLang;
    const recognition = this.recognizer.recognize(text, { fallbackLang });
    const lang = resolveLanguage({
      chosen: profile.language,
      detected: recognition.langDetected ? recognition.lang : undefined,
      previous: conversation.language,
      channelLocale: context.activity.locale,
      fallback: this.defaultLang,
    });
    conversation.language = lang;
    const turn: Turn = { text, recognition, lang, t: this.translator.forLang(lang) };
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

  /**
   * Whether the message is one of a command's words ("cancel", "annuler"…) in either language,
   * as listed under `commands.<name>` in the locale files.
   */
  isCommand(text: string, name: string, options: { withinShortMessage?: boolean } = {}): boolean {
    const folded = foldText(text);
    if (folded === '') return false;
    const phrases = this.commandPhrases(name);
    if (phrases.has(folded)) return true;
    // "next please", "ok back": a short message that holds the command's words also counts.
    if (!options.withinShortMessage || folded.split(' ').length > 4) return false;
    const padded = ` ${folded} `;
    for (const phrase of phrases) if (padded.includes(` ${phrase} `)) return true;
    return false;
  }

  /** A command's phrases in both languages, folded once and kept. */
  private commandPhrases(name: string): ReadonlySet<string> {
    const cached = this.commands.get(name);
    if (cached) return cached;
    const phrases = new Set<string>();
    for (const lang of LANGS) {
      const words: unknown = this.translator.forLang(lang)(`commands.${name}`, { returnObjects: true });
      if (Array.isArray(words)) for (const w of words) if (typeof w === 'string') phrases.add(foldText(w));
    }
    this.commands.set(name, phrases);
    return phrases;
  }

  /** The language to use outside a message turn (welcome, errors): channel locale or default. */
  async languageOf(context: TurnContext): Promise<Lang> {
    const profile = await this.state.profile.get(context, {});
    const conversation = await this.state.conversation.get(context, {});
    return profile.language ?? conversation.language ?? langOfLocale(context.activity.locale) ?? this.defaultLang;
  }
}

function isTurn(value: unknown): value is Turn {
  return typeof value === 'object' && value !== null && 'recognition' in value && 'lang' in value;
}
