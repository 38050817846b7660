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

/** What a message that holds no command word reads as: shared, it is never changed (read-only sets). */
const NO_COMMAND: CommandReading = Object.freeze({ exact: new Set<CommandName>(), within: new Set<CommandName>(), exactLangs: new Set<Lang>() });

/**
 * Recognizes command words ("annuler", "suivant", "where was I"…) in a folded message: the
 * phrases are folded once here, and each message is read once per turn.
 *
 * @example
 * commands.read(foldText('Suivant, merci')).within.has('next') // true
 */
export class CommandWords {
  private readonly phrases: ReadonlyArray<readonly [CommandName, string, Lang]>;
  /** Each phrase with a space on both sides, as it is searched for in a short message (built once, not per message). */
  private readonly paddedPhrases: readonly string[];

  constructor(lists: ReadonlyArray<readonly [Lang, Readonly<Record<CommandName, readonly string[]>>]>) {
    const phrases: Array<readonly [CommandName, string, Lang]> = [];
    for (const [lang, list] of lists) {
      for (const name of COMMAND_NAMES) for (const phrase of list[name]) phrases.push([name, foldText(phrase), lang]);
    }
    this.phrases = phrases.filter(([, phrase]) => phrase !== '');
    this.paddedPhrases = this.phrases.map(([, phrase]) => ` ${phrase} `);
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
    if (folded === '') return NO_COMMAND;
    const short = countWords(folded, SHORT_MESSAGE_WORDS + 1) <= SHORT_MESSAGE_WORDS;
    let reading: { exact: Set<CommandName>; within: Set<CommandName>; exactLangs: Set<Lang> } | undefined;
    const padded = short ? ` ${folded} ` : '';
    for (let i = 0; i < this.phrases.length; i += 1) {
      const [name, phrase, lang] = this.phrases[i] ?? [];
      if (name === undefined || lang === undefined) continue;
      if (phrase === folded) {
        reading ??= { exact: new Set(), within: new Set(), exactLangs: new Set() };
        reading.exact.add(name);
        reading.exactLangs.add(lang);
        reading.within.add(name);
      } else if (short && padded.includes(this.paddedPhrases[i] ?? '')) {
        reading ??= { exact: new Set(), within: new Set(), exactLangs: new Set() };
        reading.within.add(name);
      }
    }
    return reading ?? NO_COMMAND;
  }
}

/** The number of space-separated words of a text, counting no further than `limit`. */
function countWords(text: string, limit: number): number {
  let words = 1;
  for (let at = text.indexOf(' '); at !== -1 && words < limit; at = text.indexOf(' ', at + 1)) words += 1;
  return words;
}
