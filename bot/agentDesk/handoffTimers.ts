import type { Logger } from '../logger.js';
import type { HandoffService } from '../../services/handoff/index.js';

/**
 * Background upkeep of the handoff: at start-up and then every 30 s, customers who waited
 * longer than the configured wait are told when agents are back; at start-up and then every
 * hour, closed cases past the retention period are deleted (a bot restarted more often than
 * hourly would otherwise never purge). Timers do not keep the process alive. Returns the stop function.
 */
export function startHandoffTimers(handoff: HandoffService, logger: Logger, every = { remindMs: 30_000, purgeMs: 3_600_000 }): () => void {
  const remindNow = () => {
    handoff.remindOverdue().catch((error: unknown) => logger.error({ err: error }, 'handoff: reminding waiting customers failed'));
  };
  const purgeNow = () => {
    handoff.purge()
      .then((ids) => { if (ids.length > 0) logger.info({ purged: ids.length }, 'handoff: closed cases purged'); })
      .catch((error: unknown) => logger.error({ err: error }, 'handoff: purging closed cases failed'));
  };
  const remind = setInterval(remindNow, every.remindMs);
  const purge = setInterval(purgeNow, every.purgeMs);
  remindNow();
  purgeNow();
  remind.unref();
  purge.unref();
  return () => {
    clearInterval(remind);
    clearInterval(purge);
  };
}
