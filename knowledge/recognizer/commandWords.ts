import { z } from 'zod';
import { LANGS, type Lang } from '../language/lang.js';
import { foldText } from '../text/foldText.js';

const phrases = z.array(z.string().min(1)).min(1);
/** The part of a locale file that lists the command words (`commands.<name>`). */
const localeCommandsSchema = z.object({
  commands: z.object({
    cancel: phrases, next: phrases, back: phrases, skip: phrases, stop: phrases,
    whereWasI: phrases, resume: phrases, quote: phrases, align: phrases, walkthrough: phrases,
  }),
});

/** The words a user may say at any moment to steer a conversation, in both languages. */
export const COMMAND_NAMES = localeCommandsSchema.shape.commands.keyof().options;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** "next please", "ok back": a message this short that holds a command's words also counts. */
const SHORT_MESSAGE_WORDS = 4;

/** The command words of one message, read once per turn. */
export interface CommandReading {
  /** Commands the whole message is ("annuler", "next step"). */
  exact: ReadonlySet<CommandName>;
  /** Commands whose words a short message holds ("next please"); includes `exact`. */
  within: ReadonlySet<CommandName>;
  /**
   * The languages whose command lists hold the whole message: "suivant" is French, "stop"
   * is both, so it says nothing about the language the user writes in.
   */
  exactLangs: ReadonlySet<Lang>;
}

/**
 * Recognizes command words ("annuler", "suivant", "where was I"…) in a folded message: the
 * phrases are folded once here, and each message is read once per turn.
 *
 * @example
 * commands.read(foldText('Suivant, merci')).within.has('next') // true
 */
export class CommandWords {
  private readonly phrases: ReadonlyArray<readonly [CommandName, string, Lang]>;

  constructor(lists: ReadonlyArray<readonly [Lang, Readonly<Record<CommandName, readonly string[]>>]>) {
    const phrases: Array<readonly [CommandName, string, Lang]> = [];
    for (const [lang, list] of lists) {
      for (const name of COMMAND_NAMES) for (const phrase of list[name]) phrases.push([name, foldText(phrase), lang]);
    }
    this.phrases = phrases.filter(([, phrase]) => phrase !== '');
  }

  /** The command lists under `commands.<name>` of each language's locale file; throws when one is missing. */
  static fromLocales(resources: Readonly<Record<Lang, unknown>>): CommandWords {
    return new CommandWords(LANGS.map((lang) => {
      const parsed = localeCommandsSchema.safeParse(resources[lang]);
      if (!parsed.success) throw new Error(`locales/${lang}/translation.json: commands must list the phrases of ${COMMAND_NAMES.join(', ')}`);
      return [lang, parsed.data.commands] as const;
    }));
  }

  /** @param folded the message as foldText gives it */
  read(folded: string): CommandReading {
    const exact = new Set<CommandName>();
    const within = new Set<CommandName>();
    const exactLangs = new Set<Lang>();
    if (folded === '') return { exact, within, exactLangs };
    const short = folded.split(' ').length <= SHORT_MESSAGE_WORDS;
    const padded = ` ${folded} `;
    for (const [name, phrase, lang] of this.phrases) {
      if (phrase === folded) {
        exact.add(name);
        exactLangs.add(lang);
        within.add(name);
      } else if (short && padded.includes(` ${phrase} `)) {
        within.add(name);
      }
    }
    return { exact, within, exactLangs };
  }
}
