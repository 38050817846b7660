import { describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../../bot/i18n.js';
import { CommandWords } from '../../../knowledge/recognizer/commandWords.js';
import { foldText } from '../../../knowledge/text/foldText.js';

const commands = CommandWords.fromLocales(readLocaleResources());
const read = (text: string) => commands.read(foldText(text));

describe('CommandWords', () => {
  it('recognizes a whole-message command in either language, whatever the case and accents', () => {
    expect([...read('Annuler').exact]).toEqual(['cancel']);
    expect([...read('ETAPE PRECEDENTE').exact]).toEqual(['back']);
    expect([...read('where was I?').exact]).toEqual(['whereWasI']);
  });

  it('counts the words of a command held in a short message, but only as "within"', () => {
    const reading = read('next please');
    expect(reading.exact.size).toBe(0);
    expect([...reading.within]).toEqual(['next']);
  });

  it('does not read commands into a longer sentence that happens to hold one', () => {
    expect(read('what happens next with my renewal when it expires').within.size).toBe(0);
  });

  it('reads nothing in an empty message or one made of symbols', () => {
    expect(read('').within.size).toBe(0);
    expect(read('?!…').within.size).toBe(0);
  });

  it('refuses locale files whose command lists are missing', () => {
    expect(() => CommandWords.fromLocales({ fr: { commands: {} }, en: {} })).toThrow(/locales\/fr\/translation\.json: commands/);
  });
});
