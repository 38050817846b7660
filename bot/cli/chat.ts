import 'dotenv/config';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Activity } from 'botbuilder-core';
import { createBot } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { ProactiveNotifier } from '../../dialogs/handoff/index.js';
import { CONSOLE_CHANNEL, ConsoleAdapter } from './consoleAdapter.js';
import { ConsolePickup } from './consolePickup.js';
import { ChatArgsError, chooseConversation } from './consoleConversation.js';

/**
 * `npm run chat`: talk to the bot in the terminal. Buttons are numbered; type a number to
 * press one. Same dialogs and state as the server (STORAGE decides where state lives).
 * Each run is a new conversation, with a welcome; `npm run chat -- --continue` resumes the last.
 * An agent's replies (from the desk of the running server) are picked up from the shared storage.
 */
/** How often the terminal looks for the agent's messages. */
const PICKUP_EVERY_MS = 1000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // The id of the last conversation is kept beside the state it belongs to.
  const conversation = chooseConversation(process.argv.slice(2), path.join(path.dirname(path.resolve(config.STORAGE_FILE)), 'console-conversation.json'));
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const parts = createBot(config, logger);
  let buttons: string[] = [];
  const print = (activity: Partial<Activity>) => {
    const lines: string[] = [];
    if (activity.text) lines.push(activity.text);
    for (const attachment of activity.attachments ?? []) {
      const fallback = typeof attachment.content === 'object' && attachment.content !== null && 'fallbackText' in attachment.content ? String(attachment.content.fallbackText) : undefined;
      if (fallback && !activity.text) lines.push(fallback);
    }
    buttons = (activity.suggestedActions?.actions ?? []).map((a) => String(a.value ?? a.title));
    (activity.suggestedActions?.actions ?? []).forEach((a, i) => lines.push(`  [${i + 1}] ${a.title ?? ''}${a.type === 'openUrl' ? ` (${String(a.value)})` : ''}`));
    process.stdout.write(`\nbot> ${lines.join('\n')}\n`);
  };
  const adapter = new ConsoleAdapter(print, conversation.conversationId);
  adapter.onTurnError = parts.onTurnError;
  for (const m of parts.middleware) adapter.use(m);
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const interactive = process.stdin.isTTY === true;
  process.stdout.write('Renewal bot — type your question (French or English); Ctrl+D to quit.\n');
  if (conversation.note) process.stdout.write(`${conversation.note}\n`);
  if (config.STORAGE === 'memory' && conversation.continued) process.stdout.write('STORAGE=memory keeps nothing between runs: this conversation starts empty.\n');
  if (conversation.continued) process.stdout.write('Continuing your last conversation (run without --continue for a new one).\n');
  else await adapter.start((context) => parts.bot.run(context));
  const prompt = () => process.stdout.write('\nyou> ');
  prompt();
  let inTurn = false;
  const pickup = new ConsolePickup({
    pending: parts.handoffPickup,
    handoff: parts.handoff,
    notifier: new ProactiveNotifier({ sender: adapter, translator: parts.translator, kb: parts.kb, timeZone: config.SUPPORT_TIMEZONE, logger }),
    conversationKey: `${CONSOLE_CHANNEL}:${conversation.conversationId}`,
    logger,
  });
  // The agent's messages arrive between the user's lines: the prompt is shown again after them.
  const stopPickup = pickup.start(PICKUP_EVERY_MS, () => { if (!inTurn) prompt(); });
  // Lines are read one after the other, so a script piped in gets the same turns as typing.
  for await (const line of rl) {
    if (!interactive) process.stdout.write(`${line}\n`);
    const choice = Number(line.trim());
    const text = Number.isInteger(choice) && choice >= 1 && choice <= buttons.length ? buttons[choice - 1] ?? line : line;
    inTurn = true;
    await adapter.receive(text, (context) => parts.bot.run(context));
    inTurn = false;
    prompt();
  }
  await stopPickup();
  parts.close();
  process.stdout.write('\n');
}

main().catch((error: unknown) => {
  if (error instanceof ChatArgsError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`chat failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
