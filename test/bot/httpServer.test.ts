import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { formatDateText } from '../../dialogs/formatDate.js';

let app: BotApp;
let base: string;

beforeAll(async () => {
  app = await createApp(loadConfig({ STORAGE: 'memory' }), createLogger('silent'));
  const port = await listen(app.server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  app.server.close();
  app.close();
});

const activity = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: `a-${Math.random()}`,
  text,
  channelId: 'test',
  serviceUrl: 'http://127.0.0.1:1',
  deliveryMode: 'expectReplies',
  from: { id: 'http-user' },
  recipient: { id: 'bot' },
  conversation: { id: `http-conv-${Math.random()}` },
  ...extra,
});

async function post(body: unknown): Promise<Response> {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('the HTTP server', () => {
  it('answers /healthz with 200', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  });

  it('returns the replies in the body for deliveryMode expectReplies', async () => {
    const res = await post(activity('is there a grace period if I renew late?'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ text?: string }> };
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0]?.text).toBe(`${formatDateText(app.kb.faq('grace-period').en.answer, 'en')}\n\n${app.translator.forLang('en')('feedback.question')}`);
  });

  it('answers 400 with a clear error for an activity without a type', async () => {
    const res = await post({ text: 'hello', conversation: { id: 'c' }, from: { id: 'u' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringContaining('activity.type') });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
  });

  it('accepts an unknown activity type without a reply or an error', async () => {
    // expectReplies: whatever the bot said in the turn would be in the body.
    const res = await post(activity('', { type: 'somethingNew' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ activities: [] });
  });
});
