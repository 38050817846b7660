import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, SAMPLE_CONTRACTS_FILE } from '../../bot/paths.js';
import { openDatabase } from '../../bot/storage/index.js';
import { systemClock } from '../../services/clock.js';
import { FileContractService, MemoryQuoteStore } from '../../services/contracts/index.js';
import { SqliteAttemptStore, VerificationService } from '../../services/verification/index.js';
import { renewalIdOf } from '../services/contracts/renewalIdOf.js';

const dir = mkdtempSync(path.join(tmpdir(), 'unlock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run unlock (for support agents)', () => {
  it('shows the failures on a renewal ID, lifts its wait, and the owner gets in', async () => {
    expect(spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: projectRoot }).status).toBe(0);
    const file = path.join(dir, 'state.sqlite');
    const env = { ...process.env, STORAGE: 'sqlite', STORAGE_FILE: file, VERIFICATION_KEY_SECRET: 'pepper' };
    const db = openDatabase(file);
    const contracts = FileContractService.fromFile({ file: SAMPLE_CONTRACTS_FILE, clock: systemClock, quotes: new MemoryQuoteStore() });
    const verification = new VerificationService({ contracts, clock: systemClock, attempts: new SqliteAttemptStore(db), keySecret: 'pepper' });
    for (let i = 0; i < 10; i += 1) await verification.verifyWithProof({ userKey: `webchat:u${i}`, renewalId: renewalIdOf('RNW-20481137'), proof: 'CRT-000000000' });
    expect(await verification.verifyWithProof({ userKey: 'webchat:owner', renewalId: renewalIdOf('RNW-20481137'), proof: 'CRT-774310452' })).toMatchObject({ outcome: 'locked' });

    const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/bot/cli/unlock.js', ...args], { cwd: projectRoot, env, encoding: 'utf8' });
    const before = cli('--status', 'rnw-20481137');
    expect(before.status, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ renewalId: 'RNW-20481137', failures: 10, sources: 10 });
    const unlocked = cli('RNW-20481137');
    expect(JSON.parse(unlocked.stdout)).toEqual({ unlocked: 'RNW-20481137' });
    expect(JSON.parse(cli('--status', 'RNW-20481137').stdout)).toMatchObject({ failures: 0 });
    expect(await verification.verifyWithProof({ userKey: 'webchat:owner', renewalId: renewalIdOf('RNW-20481137'), proof: 'CRT-774310452' })).toMatchObject({ outcome: 'verified' });

    const bad = cli('--user');
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: expect.stringContaining('usage') });
    db.close();
  }, 60_000);
});
