import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';
import { SAMPLE_CONTRACTS_FILE } from '../../bot/paths.js';
import { systemClock } from '../../services/clock.js';
import { FileContractService, MemoryQuoteStore, type RenewalId } from '../../services/contracts/index.js';
import { loadContractsFile } from '../../services/contracts/contractsFile.js';
import { contentOf } from '../support/botHarness.js';
import { sendTurn } from '../support/httpTurns.js';

let app: BotApp;
let base: string;

/** The sample contracts behind a contract API that takes 40 ms to check a proof. */
class SlowContracts extends FileContractService {
  private entered: () => void = () => undefined;

  /** Resolves when the next proof check starts: the proof's turn is then under way. */
  nextCheck(): Promise<void> {
    return new Promise((resolve) => { this.entered = resolve; });
  }

  override async verifyProof(renewalId: RenewalId, proof: string): Promise<boolean> {
    this.entered();
    await new Promise((resolve) => setTimeout(resolve, 40));
    return super.verifyProof(renewalId, proof);
  }
}
let contracts: SlowContracts;

beforeAll(async () => {
  contracts = new SlowContracts({ contracts: loadContractsFile(SAMPLE_CONTRACTS_FILE, systemClock.now()), clock: systemClock, quotes: new MemoryQuoteStore() });
  app = await createApp(loadConfig({ STORAGE: 'memory' }), createLogger('silent'), { contracts });
  base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
});

afterAll(() => {
  app.server.close();
  app.close();
});

describe('concurrent turns of one conversation', () => {
  it('keeps the verification when a proof and a "hello" arrive together (20 of 20 trials)', async () => {
    const t = app.translator.forLang('en');
    for (let i = 0; i < 20; i += 1) {
      const who = { conversationId: `together-${i}`, userId: `user-${i}` };
      await sendTurn(base, 'status of RNW-20481137', who);
      const checking = contracts.nextCheck();
      const proof = sendTurn(base, 'CRT-774310452', who);
      await checking;
      const [proofReplies, helloReplies] = await Promise.all([proof, sendTurn(base, 'hello', who)]);
      expect(proofReplies[0]?.text).toBe(t('verify.done', { renewalId: 'RNW-20481137' }));
      expect(helloReplies[0]?.text).toBe(t('greeting'));
      const replies = (await sendTurn(base, 'status of RNW-20481137', who)).map((a) => contentOf(a)).join('\n');
      expect(replies).not.toContain(t('verify.askProof', { renewalId: 'RNW-20481137' }));
      expect(replies).toContain(t('status.title', { renewalId: 'RNW-20481137', account: 'Boulangeries Martin SARL' }));
    }
  }, 30_000);
});
