import { addPhrasing, PhrasingRefused } from '../../knowledge/addPhrasing.js';
import { fromRoot } from '../paths.js';

/**
 * `npm run kb:add-phrasing -- <id> <lang> "<text>"`: adds an accepted report suggestion to the
 * knowledge files. Exit code 0 when added, 2 when refused (unknown id or language, duplicate,
 * invalid text), 1 when the knowledge files themselves are broken.
 */
function main(): void {
  const [id, lang, text, ...extra] = process.argv.slice(2);
  if (id === undefined || lang === undefined || text === undefined || extra.length > 0) {
    process.stderr.write('usage: npm run kb:add-phrasing -- <id> <fr|en> "<text>"  (quote the text)\n');
    process.exit(2);
  }
  try {
    const file = addPhrasing(fromRoot('knowledge'), id, lang, text);
    process.stdout.write(`added to ${file}; restart the bot (or rebuild its recognizer) to use it\n`);
  } catch (error) {
    process.stderr.write(`kb:add-phrasing: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof PhrasingRefused ? 2 : 1);
  }
}

main();
