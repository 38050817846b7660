import { MemoryStorage, type Activity } from 'botbuilder-core';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../../bot/app.js';
import { CONSOLE_CHANNEL, ConsoleAdapter } from '../../../bot/cli/consoleAdapter.js';
import { ConsolePickup } from '../../../bot/cli/consolePickup.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/logger.js';
import { ProactiveNotifier } from '../../../dialogs/handoff/index.js';

/** A terminal conversation with a case, opened the way `npm run chat` opens it. */
async function terminalWithCase() {
  const storage = new MemoryStorage();
  const parts = createBot(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', SUPPORT_HOURS: 'mon-sun 00:00-24:00' }), createLogger('silent'), { storage });
  const printed: string[] = [];
  const adapter = new ConsoleAdapter((a: Partial<Activity>) => printed.push(a.text ?? ''), 'console-t1');
  for (const line of ['talk to someone', 'my quote is wrong']) await adapter.receive(line, (context) => parts.bot.run(context));
  const [handoffCase] = await parts.handoff.list('waiting');
  if (!handoffCase) throw new Error('no case opened');
  const pickup = new ConsolePickup({
    pending: parts.handoffPickup,
    handoff: parts.handoff,
    notifier: new ProactiveNotifier({ sender: adapter, translator: parts.translator, kb: parts.kb, timeZone: 'Europe/Paris', logger: createLogger('silent') }),
    conversationKey: `${CONSOLE_CHANNEL}:console-t1`,
    logger: createLogger('silent'),
  });
  const en = parts.translator.forLang('en');
  return { parts, printed, pickup, handoffCase, en };
}

describe('the terminal picks up what the agent said', () => {
  it('shows the notices left while it was away, in order, once', async () => {
    const { parts, printed, pickup, handoffCase, en } = await terminalWithCase();
    expect(handoffCase.conversationKey).toBe('console:console-t1');
    const key = handoffCase.conversationKey;
    await parts.handoffPickup.add(key, handoffCase.id, { kind: 'claimed', agent: 'Marie' });
    await parts.handoffPickup.add(key, handoffCase.id, { kind: 'agent-message', agent: 'Marie', text: 'Hello!' });
    printed.length = 0;
    expect(await pickup.runOnce()).toBe(2);
    expect(printed).toEqual([en('handoff.claimed', { agent: 'Marie', caseId: handoffCase.id }), en('handoff.fromAgent', { agent: 'Marie', text: 'Hello!' })]);
    expect(await pickup.runOnce()).toBe(0);
    expect(printed).toHaveLength(2);
  });

  it('drops a notice whose case is gone, and runs one pick-up at a time', async () => {
    const { parts, printed, pickup, handoffCase } = await terminalWithCase();
    await parts.handoffPickup.add(handoffCase.conversationKey, 'CS-00000', { kind: 'released' });
    await parts.handoffPickup.add(handoffCase.conversationKey, handoffCase.id, { kind: 'agent-message', agent: 'Marie', text: 'once' });
    printed.length = 0;
    const [a, b] = await Promise.all([pickup.runOnce(), pickup.runOnce()]);
    expect([a, b]).toEqual([1, 1]);
    expect(printed.filter((t) => t.includes('once'))).toHaveLength(1);
    expect(await parts.handoffPickup.waiting(handoffCase.conversationKey)).toEqual([]);
  });
});
