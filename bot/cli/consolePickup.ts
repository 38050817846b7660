import type { Logger } from '../logger.js';
import type { CustomerNotifier, HandoffService, PendingNotices } from '../../services/handoff/index.js';

export interface ConsolePickupOptions {
  pending: PendingNotices;
  handoff: HandoffService;
  /** Shows a notice in the terminal (the ProactiveNotifier over the ConsoleAdapter). */
  notifier: CustomerNotifier;
  /** The terminal conversation's key, as its cases carry it (`console:<conversation id>`). */
  conversationKey: string;
  logger: Logger;
}

/**
 * The terminal's side of the handoff: the agent's desk runs in the server process, which
 * cannot reach this terminal, so it leaves the notices for this conversation (the agent joined,
 * the agent's replies, the hand-back, the closing) in the shared storage; this shows them, in
 * order, and removes them once shown.
 */
export class ConsolePickup {
  private running: Promise<number> | undefined;

  constructor(private readonly options: ConsolePickupOptions) {}

  /** Shows what waits for this conversation; returns how many notices were shown. One run at a time. */
  runOnce(): Promise<number> {
    this.running ??= this.pickUp().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Looks every `everyMs`; `onShown` runs after notices were shown (the prompt again). Returns
   * the stop function, which waits for a pick-up under way (the storage closes after it).
   */
  start(everyMs: number, onShown: (count: number) => void): () => Promise<void> {
    const tick = () => {
      this.runOnce()
        .then((count) => { if (count > 0) onShown(count); })
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'terminal: picking up the agent\'s messages failed'));
    };
    tick();
    const timer = setInterval(tick, everyMs);
    return async () => {
      clearInterval(timer);
      await this.running?.catch(() => undefined);
    };
  }

  private async pickUp(): Promise<number> {
    const { pending, handoff, notifier, conversationKey } = this.options;
    const waiting = await pending.waiting(conversationKey);
    let shown = 0;
    for (const entry of waiting) {
      const handoffCase = await handoff.get(entry.caseId);
      // A case purged meanwhile has nobody to tell; its notice goes.
      if (handoffCase && (await notifier.notify(handoffCase, entry.notice)) === 'delivered') shown += 1;
    }
    const last = waiting[waiting.length - 1];
    if (last) await pending.done(conversationKey, last.seq);
    return shown;
  }
}
