import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/botHarness.js';

describe('message turns', () => {
  it('still reach handlers registered for every turn, for messages and for dialogs, in ActivityHandler\'s order', async () => {
    const { parts, adapter, say } = botHarness();
    const calls: string[] = [];
    parts.bot.onTurn(async (context, next) => {
      calls.push(`turn:${context.activity.type}`);
      await next();
    });
    parts.bot.onMessage(async (_context, next) => {
      calls.push('message');
      await next();
    });
    parts.bot.onDialog(async (_context, next) => {
      calls.push('dialog');
      await next();
    });
    const replies: string[] = [];
    await adapter.send('hello').assertReply((reply) => void replies.push(reply.text ?? ''));
    expect(calls).toEqual(['turn:message', 'message', 'dialog']);
    expect(replies[0]).not.toBe('');
    expect(replies[0]).not.toBe(say('en', 'errors.turn'));
  });
});
