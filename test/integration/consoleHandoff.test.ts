import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../bot/i18n.js';
import { projectRoot } from '../../bot/paths.js';
import { buildIfNeeded, startBot, type BotProcess } from './support/botProcess.js';

const TOKEN = 'marie-token-0123456789abcdefghij';
const dir = mkdtempSync(path.join(tmpdir(), 'console-handoff-'));
const children: ChildProcess[] = [];
const env = {
  STORAGE: 'sqlite', STORAGE_FILE: path.join(dir, 'data', 'state.sqlite'), LOG_LEVEL: 'warn',
  AGENT_TOKENS: `Marie:${TOKEN}`, SUPPORT_HOURS: 'mon-sun 00:00-24:00',
};
let server: BotProcess;

beforeAll(async () => {
  buildIfNeeded();
  server = await startBot(env, children);
}, 60_000);
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run chat` as a user runs it beside `npm start`: same configuration, same SQLite file. */
function startChat(): { type(line: string): void; output(): string; waitFor(text: string): Promise<void>; end(): Promise<unknown> } {
  const child = spawn(process.execPath, ['dist/bot/cli/chat.js'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    type: (line) => child.stdin.write(`${line}\n`),
    output: () => output,
    waitFor: async (text) => {
      for (let i = 0; i < 300 && !output.includes(text); i += 1) await new Promise((r) => setTimeout(r, 50));
      expect(output).toContain(text);
    },
    end: () => {
      child.stdin.end();
      return exited;
    },
  };
}

function agent(method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${server.base}/api/agent${route}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('a customer in the terminal (npm run chat) and an agent at the desk of the running server', () => {
  const fr = createTranslator().forLang('fr');

  /** Starts the terminal chat, asks for a person with a summary, and reads the case number the bot gives. */
  async function openCaseInTerminal(summary: string) {
    const chat = startChat();
    await chat.waitFor(fr('welcome'));
    chat.type('un conseiller svp');
    await chat.waitFor(fr('handoff.askSummary'));
    chat.type(summary);
    await chat.waitFor('CS-');
    const caseId = /CS-\d{5}/.exec(chat.output())?.[0] ?? '';
    expect(caseId).not.toBe('');
    return { chat, caseId };
  }

  it('the agent\'s replies reach the terminal with the agent\'s name, the customer\'s reach the agent, and « annuler » returns to the bot', async () => {
    const { chat, caseId } = await openCaseInTerminal('mon devis est faux');

    expect((await agent('POST', `/cases/${caseId}/claim`)).status).toBe(200);
    await chat.waitFor(fr('handoff.claimed', { agent: 'Marie', caseId }));
    const reply = await agent('POST', `/cases/${caseId}/messages`, { text: 'Bonjour, je regarde votre devis.' });
    // Truthful: the server could not show it; the terminal picks it up.
    expect(await reply.json()).toMatchObject({ delivered: false, delivery: 'waiting-for-pickup' });
    await chat.waitFor(fr('handoff.fromAgent', { agent: 'Marie', text: 'Bonjour, je regarde votre devis.' }));

    chat.type('il manque 5 licences');
    for (let i = 0; i < 100; i += 1) {
      const detail: unknown = await (await agent('GET', `/cases/${caseId}`)).json();
      if (JSON.stringify(detail).includes('il manque 5 licences')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const detail: unknown = await (await agent('GET', `/cases/${caseId}`)).json();
    expect(detail).toMatchObject({ messages: [expect.objectContaining({ from: 'agent' }), expect.objectContaining({ from: 'customer', text: 'il manque 5 licences' })] });

    chat.type('annuler');
    await chat.waitFor(fr('handoff.cancelled', { caseId }));
    chat.type('y a-t-il une période de grâce ?');
    await new Promise((r) => setTimeout(r, 1500));
    const after = chat.output().split(fr('handoff.cancelled', { caseId }))[1] ?? '';
    expect(after).not.toContain(fr('handoff.noted', { caseId }));
    expect(after).toMatch(/bot> .*grâce/is);
    expect(await (await agent('GET', `/cases/${caseId}`)).json()).toMatchObject({ status: 'closed', endedBy: 'cancelled' });
    await chat.end();
  }, 60_000);

  it('a case the agent closes tells the terminal the resolution, and the bot answers again', async () => {
    const { chat, caseId } = await openCaseInTerminal('question de facture');
    expect((await agent('POST', `/cases/${caseId}/claim`)).status).toBe(200);
    expect((await agent('POST', `/cases/${caseId}/close`, { resolution: 'facture corrigée' })).status).toBe(200);
    await chat.waitFor(fr('handoff.closed', { caseId, resolution: 'facture corrigée' }));
    chat.type('bonjour');
    await new Promise((r) => setTimeout(r, 1500));
    expect(chat.output().split(fr('handoff.closed', { caseId, resolution: 'facture corrigée' }))[1]).not.toContain(fr('handoff.noted', { caseId }));
    await chat.end();
  }, 60_000);
});
