import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { contentOf } from '../support/botHarness.js';
import { sendTurn } from '../support/httpTurns.js';

let app: BotApp;
let base: string;

beforeAll(async () => {
  app = await createApp(loadConfig({ STORAGE: 'memory' }), createLogger('silent'));
  base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
});

afterAll(() => {
  app.server.close();
  app.close();
});

describe('contract status over HTTP (expectReplies)', () => {
  it('goes from "what is the status of my contract" to the status card of a sample contract', async () => {
    const t = app.translator.forLang('en');
    const who = { conversationId: 'http-status-1', userId: 'http-user-1' };
    expect((await sendTurn(base, 'what is the status of my contract', who)).map((a) => a.text)).toEqual([t('verify.askId')]);
    expect((await sendTurn(base, 'it is rnw 2048 1137', who)).map((a) => a.text)).toEqual([t('verify.askProof', { renewalId: 'RNW-20481137' })]);
    const replies = await sendTurn(base, 'crt-774310452', who);
    expect(replies[0]?.text).toBe(t('verify.done', { renewalId: 'RNW-20481137' }));
    expect(replies[1]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(contentOf(replies[1] ?? {})).toContain(t('status.title', { renewalId: 'RNW-20481137', account: 'Boulangeries Martin SARL' }));
    expect(contentOf(replies[1] ?? {})).toContain(t('status.state.active'));
  });
});
