import { createInterface } from 'node:readline';
import { createUnderstanding } from '../app.js';
import { classifyLine } from './classifyLine.js';


/**
 * `npm run -s classify`: one JSON object per input line, `{"text": "...", "locale"?: "fr-FR"}`,
 * one line out per line in: `{"intent", "score", "lang", "ambiguous", "top"}` (`top`: the three
 * most likely intents with their probabilities, to study misses), or `{"error"}` for a malformed line.
 * Nothing else is written to standard output.
 */
async function main(): Promise<void> {
  const { recognizer } = createUnderstanding();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(classifyLine(line, recognizer))}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`classify failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
