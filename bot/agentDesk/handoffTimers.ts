import type { Logger } from '../logger.js';
import type { HandoffService } from '../../services/handoff/index.js';

/**
 * Background upkeep of the handoff: every 30 s, customers who waited longer than the
 * configured wait are told when agents are back; every hour, closed cases past the retention
 * period are deleted. Timers do not keep the process alive. Returns the stop function.
 */
export function startHandoffTimers(handoff: HandoffService, logger: Logger, every = { remindMs: 30_000, purgeMs: 3_600_000 }): () => void {
  const remind = setInterval(() => {
    handoff.remindOverdue().catch((error: unknown) => logger.error({ err: error }, 'handoff: reminding waiting customers failed'));
  }, every.remindMs);
  const purge = setInterval(() => {
    handoff.purge()
      .then((ids) => { if (ids.length > 0) logger.info({ purged: ids.length }, 'handoff: closed cases purged'); })
      .catch((error: unknown) => logger.error({ err: error }, 'handoff: purging closed cases failed'));
  }, every.purgeMs);
  remind.unref();
  purge.unref();
  return () => {
    clearInterval(remind);
    clearInterval(purge);
  };
}
