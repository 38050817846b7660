import { describe, expect, it } from 'vitest';
import { parseUnlockArgs } from '../../../bot/cli/unlockArgs.js';

describe('parseUnlockArgs', () => {
  it('reads a renewal ID as typed', () => {
    expect(parseUnlockArgs(['rnw 2048 1137'])).toEqual({ action: 'unlock', renewalId: 'RNW-20481137' });
  });

  it('reads one user to unlock too', () => {
    expect(parseUnlockArgs(['RNW-20481137', '--user', 'msteams:29:1abc'])).toEqual({ action: 'unlock', renewalId: 'RNW-20481137', userKey: 'msteams:29:1abc' });
  });

  it('reads --status', () => {
    expect(parseUnlockArgs(['--status', 'RNW-20481137'])).toEqual({ action: 'status', renewalId: 'RNW-20481137' });
  });

  it.each([
    ['nothing', []],
    ['not an ID', ['hello']],
    ['a user without a channel', ['RNW-20481137', '--user', 'abc']],
    ['--user without a value', ['RNW-20481137', '--user']],
    ['an unknown option', ['RNW-20481137', '--force']],
    ['--status with extra words', ['--status', 'RNW-20481137', 'x']],
    ['a 10 KB argument', ['R'.repeat(10_000)]],
  ])('refuses %s with the usage', (_what, args) => {
    const command = parseUnlockArgs(args);
    expect(command.action).toBe('error');
    expect(command.action === 'error' && command.message).toContain('usage: npm run -s unlock');
  });
});
