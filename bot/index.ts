import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';
import { listen } from './http/server.js';
import { createLogger } from './logger.js';

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
  const port = await listen(app.server, config.PORT);
  const mode = config.MicrosoftAppId ? 'Azure Bot registration' : 'local (Bot Framework Emulator, no app id)';
  logger.info({ port, mode, storage: config.STORAGE }, `bot listening on http://localhost:${port}/api/messages; support page on http://localhost:${port}/`);
  if (app.agentDesk.signInPath) {
    logger.info(`support desk: open http://localhost:${port}${app.agentDesk.signInPath} to sign in as the local agent (one-time link, 15 minutes; set AGENT_TOKENS for real agents)`);
  }
  const stop = () => {
    app.server.close();
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
