import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../bot/app.js';
import type { IntentRecognizer } from '../../knowledge/recognizer/recognizer.js';
import { APP_PACKAGE_DIR } from '../../scripts/teams/manifest.mjs';

// Picking a command in Teams sends its title as the message, in the user's language (the
// French title when fr.json applies), so each title must lead to its topic.
const TOPIC_OF_COMMAND: Record<string, string> = {
  help: 'help',
  'renewal process': 'renewal-process',
  'check my contract status': 'check-status',
  'renew my contract step by step': 'start-renewal',
  'find a reseller': 'find-reseller',
  'talk to an agent': 'talk-to-agent',
};

interface TemplateCommands {
  bots: Array<{ commandLists: Array<{ commands: Array<{ title: string }> }> }>;
}

const template = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.template.json'), 'utf8')) as TemplateCommands;
const french = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'fr.json'), 'utf8')) as Record<string, string>;
const commands = (template.bots[0]?.commandLists ?? []).flatMap((list, l) =>
  list.commands.map((command, c) => ({ english: command.title, french: french[`bots[0].commandLists[${l}].commands[${c}].title`] })),
);

describe('Teams bot commands', () => {
  let recognizer: IntentRecognizer;
  beforeAll(() => {
    recognizer = createUnderstanding().recognizer;
  });

  it('each have an expected topic here', () => {
    expect(commands.map((c) => c.english).filter((title) => !(title in TOPIC_OF_COMMAND))).toEqual([]);
  });

  it.each(commands)('"$english" / "$french" lead to their topic in both languages', ({ english, french: frenchTitle }) => {
    const topic = TOPIC_OF_COMMAND[english];

    expect(recognizer.recognize(english, { fallbackLang: 'en' })).toMatchObject({ intent: topic, lang: 'en' });
    expect(frenchTitle, `fr.json has no title for "${english}"`).toBeDefined();
    expect(recognizer.recognize(frenchTitle ?? '', { fallbackLang: 'fr' })).toMatchObject({ intent: topic, lang: 'fr' });
  });
});
