import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CHAT_USAGE = 'usage: npm run chat [-- --continue]   (--continue: resume the last terminal conversation instead of starting a new one)';

/** The command line of `npm run chat` is wrong; the message says how to call it. */
export class ChatArgsError extends Error {
  override name = 'ChatArgsError';
}

export interface ConsoleConversation {
  conversationId: string;
  /** True when an earlier conversation goes on (no welcome then). */
  continued: boolean;
  /** A line for the user, e.g. why --continue could not resume. */
  note?: string;
}

const lastConversationSchema = z.object({ conversationId: z.string().regex(/^console-[\w-]{1,80}$/) });

/**
 * Which conversation a run of `npm run chat` is in: a new one each run (new id, so nothing of
 * the previous run's conversation — verification, language of the last answer — carries
 * over); with `--continue`, the last one, whose id is kept in `lastFile`.
 *
 * @example chooseConversation(['--continue'], 'data/console-conversation.json') // { conversationId: 'console-…', continued: true }
 */
export function chooseConversation(args: readonly string[], lastFile: string, newId: () => string = randomUUID): ConsoleConversation {
  const unknown = args.filter((arg) => arg !== '--continue');
  if (unknown.length > 0) throw new ChatArgsError(`unknown argument ${JSON.stringify(unknown[0])}; ${CHAT_USAGE}`);
  if (args.includes('--continue')) {
    const last = readLast(lastFile);
    if (last) return { conversationId: last, continued: true };
    const fresh = startNew(lastFile, newId);
    return { ...fresh, note: `No earlier terminal conversation to continue (${lastFile} is missing or unreadable): starting a new one.` };
  }
  return startNew(lastFile, newId);
}

function startNew(lastFile: string, newId: () => string): ConsoleConversation {
  const conversationId = `console-${newId()}`;
  mkdirSync(path.dirname(lastFile), { recursive: true });
  writeFileSync(lastFile, `${JSON.stringify({ conversationId })}\n`);
  return { conversationId, continued: false };
}

function readLast(lastFile: string): string | undefined {
  try {
    const parsed = lastConversationSchema.safeParse(JSON.parse(readFileSync(lastFile, 'utf8')));
    return parsed.success ? parsed.data.conversationId : undefined;
  } catch {
    return undefined;
  }
}
