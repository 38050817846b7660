import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listenOn, LOOPBACK_HOSTS } from '../../bot/http/listenAddresses.js';
import { createLogger } from '../../bot/logger.js';
import { DirectLineTestClient } from './directLineClient.js';

let app: BotApp;
let port: number;
let extra: Array<{ close(): unknown }> = [];

beforeAll(async () => {
  app = await createApp(loadConfig({ STORAGE: 'memory', TOKEN_RATE_LIMIT_PER_MINUTE: '1000' }), createLogger('silent'));
  // As `npm start` listens in local mode: loopback, IPv4 and IPv6.
  ({ port, extra } = await listenOn(app.server, 0, LOOPBACK_HOSTS));
});

afterAll(() => {
  for (const listener of extra) listener.close();
  app.server.close();
  app.close();
});

const en = (key: string) => app.translator.forLang('en')(key);

/** Polls until the bot has said something or the time is up. */
async function botSaysWithin(client: DirectLineTestClient, ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  const said: string[] = [];
  while (said.length === 0 && Date.now() < deadline) {
    said.push(...(await client.botMessages()).map((a) => a.text ?? ''));
    if (said.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return said;
}

describe('the embedded Direct Line at every loopback address a browser may use', () => {
  for (const host of ['127.0.0.1', '[::1]', 'localhost']) {
    it(`welcomes and answers a user who reached the bot at http://${host}`, async () => {
      const started = Date.now();
      const client = await DirectLineTestClient.open(`http://${host}:${port}`, 'en-US');
      expect(await botSaysWithin(client, 3000)).toEqual([en('welcome')]);
      // The welcome used to wait 11 s for retries against an address the bot could not dial.
      expect(Date.now() - started).toBeLessThan(3000);

      expect((await client.send('hello', { locale: 'en-US' })).status).toBe(200);
      expect(await botSaysWithin(client, 3000)).toEqual([en('greeting')]);
    });
  }
});
