import { createTranslator } from '../../../bot/i18n.js';
import type { Lang } from '../../../knowledge/language/lang.js';
import {
  FileContractService, MemoryQuoteStore, type ContractService,
} from '../../../services/contracts/index.js';
import {
  MemoryQuoteOutbox, QuoteDeliveryService, type DeliveryLog, type QuoteDeliveryOptions, type QuoteOutbox, type TextsFor,
} from '../../../services/quotes/index.js';
import { aContract } from '../contracts/aContract.js';
import { FakeClock } from '../fakeClock.js';
import { FakeMailer } from './fakeMailer.js';

export const NOW = new Date('2026-11-30T09:00:00.000Z');
export const MINUTE = 60_000;

/** The proofs of purchase of the test contract: no e-mail may contain them. */
export const PROOFS = ['CRT-774310452', 'SO-5501229', 'SAN-4471-2210-88'];

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** Keeps the log lines the service writes, as JSON would carry them. */
export class RecordingLog implements DeliveryLog {
  readonly lines: LogLine[] = [];
  info(fields: object, message: string): void {
    this.lines.push({ level: 'info', fields: JSON.parse(JSON.stringify(fields)), message });
  }
  warn(fields: object, message: string): void {
    this.lines.push({ level: 'warn', fields: JSON.parse(JSON.stringify(fields)), message });
  }
  error(fields: object, message: string): void {
    this.lines.push({ level: 'error', fields: JSON.parse(JSON.stringify(fields)), message });
  }
  failures(): LogLine[] {
    return this.lines.filter((l) => l.fields.event === 'quote-delivery-failed');
  }
}

const translator = createTranslator();
export const texts: TextsFor = (lang: Lang) => {
  const t = translator.forLang(lang);
  return (key, vars) => t(key, vars ?? {});
};

export function embeddedContracts(clock: FakeClock): ContractService {
  return new FileContractService({
    contracts: [
      aContract({ san: 'SAN-4471-2210-88' }),
      aContract({ renewalId: 'RNW-61194530', renewalState: 'renewed', renewedEnd: '2026-06-30' }),
    ],
    quotes: new MemoryQuoteStore(),
    clock,
  });
}

export interface Fixture {
  clock: FakeClock;
  mailer: FakeMailer;
  log: RecordingLog;
  outbox: QuoteOutbox;
  contracts: ContractService;
  delivery: QuoteDeliveryService;
}

export function fixture(overrides: Partial<QuoteDeliveryOptions> & { clock?: FakeClock } = {}): Fixture {
  const clock = overrides.clock ?? new FakeClock(NOW);
  const mailer = new FakeMailer();
  const log = new RecordingLog();
  const outbox = overrides.outbox ?? new MemoryQuoteOutbox();
  const contracts = overrides.contracts ?? embeddedContracts(clock);
  const delivery = new QuoteDeliveryService({
    contracts, outbox, mailer, clock, log, texts, vendorApi: false, messageIdDomain: 'bot.example', waitMs: 200, ...overrides,
  });
  return { clock, mailer, log, outbox, contracts, delivery };
}
