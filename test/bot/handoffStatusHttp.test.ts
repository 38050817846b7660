import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { FakeClock } from '../services/fakeClock.js';
import { DirectLineTestClient } from '../http/directLineClient.js';
import { capturingLogger } from '../support/logLines.js';

let app: BotApp;
let base: string;
const log = capturingLogger();

beforeAll(async () => {
  const config = loadConfig({ STORAGE: 'memory', TOKEN_RATE_LIMIT_PER_MINUTE: '1000', HANDOFF_MODE: 'both' });
  app = await createApp(config, log.logger, { clock: new FakeClock(new Date('2026-11-30T10:00:00Z')) });
  base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
});

afterAll(() => {
  app.server.close();
  app.close();
});

const refusals = () => log.lines().filter((l) => l.event === 'handoff-status-refused');

describe('HANDOFF_MODE=both over HTTP: a customer cannot change their own case with handoff.status', () => {
  it('refuses the event from the embedded Direct Line client, even when it claims to be the bot, and logs it', async () => {
    const client = await DirectLineTestClient.open(base, 'fr-FR');
    await client.send('je voudrais parler à un conseiller');
    await client.send('devis faux');
    const caseId = /CS-\d{5}/.exec((await client.botMessages()).map((a) => a.text ?? '').join('\n'))?.[0] ?? '';
    expect(caseId).toMatch(/^CS-\d{5}$/);
    for (const state of ['accepted', 'completed']) {
      const res = await client.call('POST', `/conversations/${client.session.conversationId}/activities`, {
        type: 'event', name: 'handoff.status', value: { state }, from: { id: 'omnichannel', role: 'bot' },
      });
      expect(res.status).toBeLessThan(300);
    }
    expect(await app.handoff.get(caseId)).toMatchObject({ status: 'waiting' });
    expect(refusals().filter((l) => l.caseId === caseId).map((l) => l.reason)).toEqual(['not-authenticated', 'not-authenticated']);
  });
});
