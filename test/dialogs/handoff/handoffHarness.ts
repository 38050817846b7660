import { TurnContext, type Activity, type TestAdapter } from 'botbuilder-core';
import { ProactiveNotifier } from '../../../dialogs/handoff/index.js';
import { createLogger } from '../../../bot/logger.js';
import type { HandoffCase } from '../../../services/handoff/index.js';
import { FakeClock } from '../../services/fakeClock.js';
import { botHarness, type Harness, type HarnessOptions } from '../../support/botHarness.js';

/** Monday 30 November 2026, 11:00 in Paris: agents are at their desks (mon-fri 09:00-18:00). */
export const MONDAY_11_PARIS = new Date('2026-11-30T10:00:00Z');
/** Saturday 28 November 2026, 11:00 in Paris: agents are away until Monday 09:00. */
export const SATURDAY_11_PARIS = new Date('2026-11-28T10:00:00Z');

export interface HandoffHarness extends Harness {
  clock: FakeClock;
  /** The only case of the conversation. */
  theCase(): Promise<HandoffCase>;
  /** What the bot sent outside a turn (proactive messages), oldest first, taken from the queue. */
  proactive(): Partial<Activity>[];
}

/**
 * The real bot behind TestAdapter, with the handoff's proactive messages going through the
 * same TestAdapter (which cannot continue conversations itself), so tests read them.
 */
export function handoffHarness(options: HarnessOptions & { at?: Date } = {}): HandoffHarness {
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock(options.at ?? MONDAY_11_PARIS);
  const h = botHarness({ ...options, clock });
  h.parts.handoff.useNotifier(new ProactiveNotifier({
    sender: { continueConversation: (reference, logic) => continueOn(h.adapter, reference, logic) },
    translator: h.parts.translator,
    kb: h.parts.kb,
    timeZone: 'Europe/Paris',
    logger: createLogger('silent'),
  }));
  return {
    ...h,
    clock,
    theCase: async () => {
      const all = await h.parts.handoff.list();
      if (all.length !== 1 || !all[0]) throw new Error(`expected one case, found ${all.length}`);
      return all[0];
    },
    proactive: () => h.adapter.activeQueue.splice(0),
  };
}

async function continueOn(adapter: TestAdapter, reference: Parameters<typeof TurnContext.applyConversationReference>[1], logic: (context: TurnContext) => Promise<void>): Promise<void> {
  const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
  await logic(new TurnContext(adapter, activity));
}
