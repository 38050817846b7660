import type { ChildProcess } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfNeeded, startBot } from './support/botProcess.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** An IPv4 address of this machine that is not loopback, if it has one. */
const lanAddress = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
const ipv6Loopback = Object.values(networkInterfaces()).flat().some((i) => i?.address === '::1');

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

describe('where local mode listens', () => {
  beforeAll(() => buildIfNeeded(), 60_000);

  it.skipIf(!lanAddress)('only on loopback without HOST: not reachable at the machine\'s network address', async () => {
    const bot = await startBot({}, children);
    expect(await reachable(`${bot.base}/healthz`)).toBe(true);
    expect(await reachable(`http://${lanAddress}:${bot.port}/healthz`)).toBe(false);
  }, 30_000);

  it.skipIf(!ipv6Loopback)('on IPv6 loopback too, where browsers reach "localhost"', async () => {
    const bot = await startBot({}, children);
    expect(await reachable(`http://[::1]:${bot.port}/healthz`)).toBe(true);
  }, 30_000);

  it.skipIf(!lanAddress)('on every interface with HOST=0.0.0.0', async () => {
    const bot = await startBot({ HOST: '0.0.0.0' }, children);
    expect(await reachable(`http://${lanAddress}:${bot.port}/healthz`)).toBe(true);
  }, 30_000);
});
