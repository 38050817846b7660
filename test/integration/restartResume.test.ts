import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../bot/i18n.js';
import { projectRoot } from '../../bot/paths.js';
import { sendTurn } from '../support/httpTurns.js';

const dir = mkdtempSync(path.join(tmpdir(), 'restart-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the real bot process on the SQLite file and waits until it answers. */
async function startBot(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/bot/index.js'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), STORAGE: 'sqlite', STORAGE_FILE: path.join(dir, 'state.sqlite'), LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  children.push(child);
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the bot did not start in 10 s');
}

describe('a walkthrough survives a crash of the bot process', () => {
  it('resumes at the same step after SIGKILL and a restart on the same state file', async () => {
    const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: projectRoot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const t = createTranslator().forLang('en');
    const header = (step: number) => t('walk.header', { step, total: 6, title: t(`walk.steps.${step}.title`) });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startBot(port);
    const monday = { conversationId: 'monday', userId: 'customer-42' };
    await sendTurn(base, 'I want to renew RNW-20481137', monday);
    const verified = await sendTurn(base, 'CRT-774310452', monday);
    expect(verified.map((a) => a.text ?? '').join('\n')).toContain(header(1));
    expect((await sendTurn(base, 'next', monday))[0]?.text).toContain(header(2));
    expect((await sendTurn(base, 'next', monday))[0]?.text).toContain(header(3));

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    await startBot(port);
    const tuesday = { conversationId: 'tuesday', userId: 'customer-42' };
    expect((await sendTurn(base, 'where was I?', tuesday))[0]?.text).toBe(t('verify.askProof', { renewalId: 'RNW-20481137' }));
    const resumed = await sendTurn(base, 'CRT-774310452', tuesday);
    expect(resumed.map((a) => a.text)).toEqual([
      t('verify.done', { renewalId: 'RNW-20481137' }),
      t('walk.resuming', { step: 3, total: 6 }),
      expect.stringContaining(header(3)),
    ]);
  }, 60_000);
});
