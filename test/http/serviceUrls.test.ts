import { describe, expect, it } from 'vitest';
import { isLoopbackHost, selfAddresses, ServiceUrlPolicy } from '../../bot/http/serviceUrls.js';

describe('ServiceUrlPolicy in local mode', () => {
  const policy = new ServiceUrlPolicy(false, ['192.168.1.20:3978']);

  it.each(['http://localhost:3978', 'http://127.0.0.1:53211/', 'http://[::1]:3978', 'http://[::ffff:127.0.0.1]:3978', 'http://127.1.2.3:1'])('allows the loopback serviceUrl %s', (url) => {
    expect(policy.allows(url, false)).toBe(true);
  });

  it('allows the address the bot itself answers on (HOST), on its own port only', () => {
    expect(policy.allows('http://192.168.1.20:3978', false)).toBe(true);
    expect(policy.allows('http://192.168.1.20:8080', false)).toBe(false);
  });

  it.each([
    'http://169.254.169.254/latest', 'https://smba.trafficmanager.net/emea/', 'http://localhost.evil.example/', 'http://127.0.0.1.nip.io/',
    'http://user:pw@localhost:1/', 'ftp://127.0.0.1/', 'not a url', 'http://[::2]/', 'http://0.0.0.0:3978',
  ])('refuses %s, even when the turn says it is authenticated', (url) => {
    expect(policy.allows(url, true)).toBe(false);
  });

  it('gives a URL the same verdict every time, however many other URLs came in between', () => {
    const fresh = new ServiceUrlPolicy(false);
    const evil = 'http://169.254.169.254/latest';
    const long = `http://localhost:3978/${'a'.repeat(300)}`;
    for (let round = 0; round < 3; round += 1) {
      expect(fresh.allows(evil, false)).toBe(false);
      expect(fresh.allows('http://localhost:3978', false)).toBe(true);
      expect(fresh.allows(long, false)).toBe(true);
      expect(fresh.allows(`${evil}.${'b'.repeat(300)}`, false)).toBe(false);
      for (let i = 0; i < 300; i += 1) expect(fresh.allows(`http://10.0.0.${i % 250}:${1000 + i}/`, false)).toBe(false);
    }
  });
});

describe('ServiceUrlPolicy in production mode', () => {
  it('allows any serviceUrl of an authenticated turn, none of an unauthenticated one', () => {
    const policy = new ServiceUrlPolicy(true);
    expect(policy.allows('https://smba.trafficmanager.net/emea/', true)).toBe(true);
    expect(policy.allows('http://localhost:3978', false)).toBe(false);
  });
});

describe('isLoopbackHost and selfAddresses', () => {
  it('knows the loopback names', () => {
    expect(['localhost', '127.0.0.1', '::1', '::ffff:127.0.0.1'].every(isLoopbackHost)).toBe(true);
    expect(['127.0.0.1.example', '10.0.0.1', '::2', ''].some(isLoopbackHost)).toBe(false);
  });

  it('lists every interface address for a wildcard HOST, the address itself otherwise', () => {
    expect(selfAddresses(undefined, 3978, ['10.0.0.5'])).toEqual([]);
    expect(selfAddresses('0.0.0.0', 3978, ['10.0.0.5', 'FE80::1'])).toEqual(['10.0.0.5:3978', 'fe80::1:3978']);
    expect(selfAddresses('192.168.1.20', 4000, ['10.0.0.5'])).toEqual(['192.168.1.20:4000']);
  });
});
