import type { TestFlow } from 'botbuilder';
import { expect } from 'vitest';
import { FakeClock } from '../../services/fakeClock.js';
import { botHarness, type Harness, type HarnessOptions } from '../../support/botHarness.js';
import { formatDate } from '../../../dialogs/formatDate.js';
import type { Lang } from '../../../knowledge/schema.js';

/** A fixed "today" for every contract test: the sample contracts' dates are relative to it. */
export const TODAY = new Date(2026, 10, 28, 10, 0, 0);

/** Sample contracts (data-samples/README.md) and one of their proofs of purchase. */
export const SAMPLE = {
  active: { id: 'RNW-20481137', proof: 'CRT-774310452', tenant: '3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43' },
  expiringSmb: { id: 'RNW-20481245', proof: 'SO-5501874' },
  expired: { id: 'RNW-31007744', proof: 'CRT-691203448' },
  japan: { id: 'RNW-40213358', proof: 'CRT-905517620' },
  renewed: { id: 'RNW-61194530', proof: 'SO-5120447' },
  rewards: { id: 'RNW-52340017', proof: 'SAN-4471-2210-88' },
} as const;

export interface ContractHarness extends Harness {
  clock: FakeClock;
  /** A date `days` from TODAY, written as the bot writes it. */
  day(days: number, lang: Lang): string;
}

export function contractHarness(options: HarnessOptions = {}): ContractHarness {
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock(TODAY);
  const h = botHarness({ ...options, clock });
  return {
    ...h,
    clock,
    day: (days, lang) => formatDate(new Date(TODAY.getFullYear(), TODAY.getMonth(), TODAY.getDate() + days), lang),
  };
}

/**
 * The verification a contract conversation starts with, as one script step: the user asks
 * (`opening`, holding the renewal ID), the bot asks for a proof, the user gives it, the bot
 * says it is verified. The flow goes on from there.
 *
 * @example
 * await verify(h, 'en', `status of ${SAMPLE.expired.id}`, SAMPLE.expired).assertReply(…)
 */
export function verify(h: ContractHarness, lang: Lang, opening: string, contract: { id: string; proof: string }, proof = contract.proof): TestFlow {
  return h.adapter
    .send(opening)
    .assertReply((r) => expect(r.text).toBe(h.say(lang, 'verify.askProof', { renewalId: contract.id })))
    .send(proof)
    .assertReply((r) => expect(r.text).toBe(h.say(lang, 'verify.done', { renewalId: contract.id })));
}
