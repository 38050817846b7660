import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Activity } from 'botbuilder-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../bot/app.js';
import { ConsoleAdapter } from '../../../bot/cli/consoleAdapter.js';
import { ChatArgsError, chooseConversation } from '../../../bot/cli/consoleConversation.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/logger.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function lastFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chat-'));
  dirs.push(dir);
  return path.join(dir, 'data', 'console-conversation.json');
}

let counter = 0;
const ids = () => `id-${++counter}`;

/** One run of `npm run chat` over a database kept between runs (here one MemoryStorage). */
async function run(storage: MemoryStorage, args: string[], file: string, lines: string[]): Promise<string[]> {
  const parts = createBot(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' }), createLogger('silent'), { storage });
  const said: string[] = [];
  const print = (activity: Partial<Activity>) => said.push(activity.text ?? String(activity.attachments?.length ?? ''));
  const conversation = chooseConversation(args, file, ids);
  const adapter = new ConsoleAdapter(print, conversation.conversationId);
  adapter.onTurnError = parts.onTurnError;
  if (!conversation.continued) await adapter.start((context) => parts.bot.run(context));
  for (const line of lines) await adapter.receive(line, (context) => parts.bot.run(context));
  return said;
}

describe('npm run chat', () => {
  const fr = createBot(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' }), createLogger('silent')).translator.forLang('fr');

  it('starts a new conversation with a welcome on every run: the previous run\'s verification does not carry over', async () => {
    const storage = new MemoryStorage();
    const file = lastFile();
    const first = await run(storage, [], file, ['quel est le statut de mon contrat ?', 'RNW-20481137', 'CRT-774310452']);
    expect(first[0]).toBe(fr('welcome'));
    expect(first).toContain(fr('verify.done', { renewalId: 'RNW-20481137' }));

    const second = await run(storage, [], file, ['quel est le statut de mon contrat ?']);
    expect(second[0]).toBe(fr('welcome'));
    expect(second).toContain(fr('verify.askId'));
  });

  it('resumes the last conversation with --continue, still verified and without a welcome', async () => {
    const storage = new MemoryStorage();
    const file = lastFile();
    await run(storage, [], file, ['quel est le statut de mon contrat ?', 'RNW-20481137', 'CRT-774310452']);

    const continued = await run(storage, ['--continue'], file, ['quel est le statut de mon contrat ?']);
    expect(continued).not.toContain(fr('welcome'));
    expect(continued).not.toContain(fr('verify.askId'));
    // The status itself (the terminal gets the status as text).
    expect(continued.some((text) => text.includes('RNW-20481137') && text.includes('Boulangeries Martin SARL'))).toBe(true);
  });

  it('gives each run its own conversation id and keeps the last one for --continue', () => {
    const file = lastFile();
    const a = chooseConversation([], file, () => 'a');
    const b = chooseConversation([], file, () => 'b');
    expect([a.conversationId, b.conversationId]).toEqual(['console-a', 'console-b']);
    expect(chooseConversation(['--continue'], file, () => 'c')).toEqual({ conversationId: 'console-b', continued: true });
  });

  it('starts a new conversation, and says why, when there is nothing to continue or the file is damaged', () => {
    const file = lastFile();
    expect(chooseConversation(['--continue'], file, () => 'x')).toMatchObject({ conversationId: 'console-x', continued: false, note: expect.stringContaining('starting a new one') });
    for (const damaged of ['not json', '{"conversationId": "../../etc/passwd"}', '{"conversationId": 42}', '[]']) {
      writeFileSync(file, damaged);
      expect(chooseConversation(['--continue'], file, () => 'y')).toMatchObject({ continued: false, note: expect.any(String) });
    }
  });

  it('refuses an unknown argument with the usage line', () => {
    expect(() => chooseConversation(['--contnue'], lastFile())).toThrow(ChatArgsError);
    expect(() => chooseConversation(['--contnue'], lastFile())).toThrow(/unknown argument "--contnue"; usage: npm run chat/);
  });
});
