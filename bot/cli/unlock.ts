import 'dotenv/config';
import { createAgentTools } from '../app.js';
import { loadConfig } from '../config.js';
import { parseUnlockArgs } from './unlockArgs.js';

/**
 * `npm run -s unlock -- RNW-20481137 [--user webchat:dl_abc]`: for a support agent, on the
 * machine (or container) that holds the bot's configuration, after checking the caller's
 * identity by phone or e-mail. Lifts the wait on a renewal ID (and on one user). With
 * `--status` it only shows the failures counted. Prints one JSON line; exit code 2 on bad use.
 */
async function main(): Promise<void> {
  const command = parseUnlockArgs(process.argv.slice(2));
  if (command.action === 'error') {
    process.stderr.write(`${JSON.stringify({ error: command.message })}\n`);
    process.exit(2);
  }
  const tools = createAgentTools(loadConfig(process.env));
  try {
    if (command.action === 'status') {
      const status = await tools.verification.attemptStatus(command.renewalId);
      process.stdout.write(`${JSON.stringify({ renewalId: command.renewalId, ...status })}\n`);
    } else {
      await tools.verification.unlock(command);
      process.stdout.write(`${JSON.stringify({ unlocked: command.renewalId, ...(command.userKey ? { user: command.userKey } : {}) })}\n`);
    }
  } finally {
    tools.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exit(1);
});
