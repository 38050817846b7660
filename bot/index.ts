import 'dotenv/config';
import { ConfigError, isProduction, loadConfig } from './config.js';
import { createApp } from './app.js';
import { listenOn, LOOPBACK_HOSTS } from './http/listenAddresses.js';
import { createLogger } from './logger.js';
import { InFlightRequests, shutDown } from './shutdown.js';

/** Process entry: reads the environment (and an optional .env), builds the app, listens. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp(config, logger);
  const inFlight = new InFlightRequests(app.server.server);
  // Local mode trusts whoever can reach it: only this machine, unless HOST says otherwise.
  const hosts = config.HOST ? [config.HOST] : isProduction(config) ? [undefined] : [...LOOPBACK_HOSTS];
  const { port, extra } = await listenOn(app.server, config.PORT, hosts);
  const mode = config.MicrosoftAppId ? 'Azure Bot registration' : 'local (Bot Framework Emulator, no app id)';
  logger.info({ port, hosts: hosts.map((h) => h ?? 'all interfaces'), mode, storage: config.STORAGE }, `bot listening on http://localhost:${port}/api/messages; support page on http://localhost:${port}/`);
  const stop = (signal: string) => {
    logger.info({ signal, inFlight: inFlight.size }, 'stopping: finishing the requests in flight');
    void shutDown({ http: app.server.server, listeners: extra, inFlight, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, closeApp: () => app.close(), logger })
      .then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
