import { describe, expect, it } from 'vitest';
import { LocalTokens } from '../../bot/http/directLine/localTokens.js';
import { TokenBucketLimiter } from '../../bot/http/directLine/tokenBucket.js';
import { UserIds } from '../../bot/http/directLine/userIds.js';
import { deriveKey } from '../../bot/http/directLine/keys.js';
import { FakeClock, MINUTE } from '../services/fakeClock.js';

const now = new Date('2025-03-01T10:00:00Z');

describe('LocalTokens', () => {
  const key = deriveKey('secret', 'local-token');

  it('is a JWT whose payload names the user, where Web Chat looks for it', () => {
    const { token } = new LocalTokens(key, new FakeClock(now)).issue('conv-1', 'dl_u1');
    const [header, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({ user: 'dl_u1', conv: 'conv-1' });
  });

  it('grants one user one conversation until the token expires', () => {
    const clock = new FakeClock(now);
    const tokens = new LocalTokens(key, clock);
    const { token, expires_in } = tokens.issue('conv-1', 'dl_u1');
    expect(expires_in).toBe(1800);
    expect(tokens.check(token)).toEqual({ ok: true, claims: { conversationId: 'conv-1', userId: 'dl_u1', expiresAt: now.getTime() + 1_800_000 } });
    clock.advance(30 * MINUTE);
    expect(tokens.check(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['a tampered payload', (t: string) => {
      const [header, , signature] = t.split('.');
      return `${header}.${Buffer.from(JSON.stringify({ conv: 'other', user: 'dl_u1', exp: 9e9 })).toString('base64url')}.${signature}`;
    }],
    ['a token signed with another key', () => new LocalTokens(deriveKey('other', 'local-token'), new FakeClock(now)).issue('conv-1', 'dl_u1').token],
    ['garbage', () => 'not-a-token'],
    ['four parts', (t: string) => `${t}.extra`],
    ['an unsigned token', (t: string) => `${t.split('.').slice(0, 2).join('.')}.`],
    ['an empty string', () => ''],
  ])('refuses %s', (_case, forge) => {
    const tokens = new LocalTokens(key, new FakeClock(now));
    expect(tokens.check(forge(tokens.issue('conv-1', 'dl_u1').token))).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('UserIds', () => {
  const key = deriveKey('secret', 'user-id');

  it('makes a new dl_ id when none is sent back', () => {
    const users = new UserIds(key, () => 'abc');
    expect(users.resolve()).toEqual({ userId: 'dl_abc', userSignature: expect.any(String) });
  });

  it('keeps an id it signed, and replaces one it did not sign or that has the wrong shape', () => {
    let n = 0;
    const users = new UserIds(key, () => `id${(n += 1)}`);
    const mine = users.resolve();
    expect(users.resolve(mine)).toEqual(mine);
    expect(users.resolve({ userId: 'dl_other', userSignature: mine.userSignature }).userId).toBe('dl_id2');
    expect(users.resolve({ userId: mine.userId }).userId).toBe('dl_id3');
    expect(new UserIds(deriveKey('another secret', 'user-id'), () => 'z').resolve(mine).userId).toBe('dl_z');
    expect(users.resolve({ userId: '<script>', userSignature: 'x' }).userId).toBe('dl_id4');
  });
});

describe('TokenBucketLimiter', () => {
  it('allows a burst of perMinute, then one more every 60/perMinute seconds, per client', () => {
    const clock = new FakeClock(now);
    const limiter = new TokenBucketLimiter({ perMinute: 10, clock });
    for (let i = 0; i < 10; i += 1) expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(limiter.take('b')).toEqual({ allowed: true });
    clock.advance(3_000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 3 });
    clock.advance(3_000);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets the least recently seen client beyond maxClients, who then starts with a full bucket', () => {
    const clock = new FakeClock(now);
    const limiter = new TokenBucketLimiter({ perMinute: 1, clock, maxClients: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('c').allowed).toBe(false);
  });
});
