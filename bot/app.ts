import {
  ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, UserState,
  type Middleware, type Storage, type TurnContext,
} from 'botbuilder-core';
// The botbuilder package's index also loads skills, streaming, transcripts and inspection,
// ~0.1 s of start-up this bot does not use; CloudAdapter is all it needs from it.
import { CloudAdapter } from 'botbuilder/lib/cloudAdapter.js';
import { networkInterfaces } from 'node:os';
import type { Server } from 'restify';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledgeBase.js';
import type { IntentRecognizer } from '../knowledge/recognizer/recognizer.js';
import { TrainedRecognizer } from '../knowledge/recognizer/trainedRecognizer.js';
import { loadOrTrainModel } from '../knowledge/model/modelFile.js';
import { trainingExamples } from '../knowledge/model/trainingData.js';
import type { ConversationData, UserProfile } from '../dialogs/conversationData.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import type { LinkUrls } from '../dialogs/replies/links.js';
import { TurnUnderstanding } from '../dialogs/turnUnderstanding.js';
import { appTypeOf, isProduction, type Config } from './config.js';
import { createServer } from './http/server.js';
import { registerWebChat, type WebChatParts } from './http/webChat/registerWebChat.js';
import { createTranslator, readLocaleResources, type Translator } from './i18n.js';
import { ButtonLabels } from './buttonLabels.js';
import type { Logger } from './logger.js';
import { fromRoot, INTENT_MODEL_FILE, SAMPLE_CONTRACTS_FILE } from './paths.js';
import { RenewalBot } from './renewalBot.js';
import { openDatabase, SqliteStorage } from './storage/index.js';
import { turnErrorHandler } from './turnErrorHandler.js';
import { TeamsButtonsMiddleware } from './teamsButtons.js';
import { ServiceUrlGuard, TeamsTenantMiddleware } from './channelTrust.js';
import { adapterEndpoint, MessagesAdapter } from './http/adapterEndpoint.js';
import { FailureLog } from './http/failureLog.js';
import { selfAddresses, ServiceUrlPolicy } from './http/serviceUrls.js';
import { systemClock, type Clock } from '../services/clock.js';
import {
  createContractService, MemoryQuoteStore, SqliteQuoteStore, type ContractService, type QuoteStore,
} from '../services/contracts/index.js';
import { MemoryAttemptStore, SqliteAttemptStore, VerificationService, type AttemptStore } from '../services/verification/index.js';
import {
  MemoryQuoteOutbox, QuoteDeliveryService, SqliteQuoteOutbox, type QuoteMailer, type QuoteOutbox,
} from '../services/quotes/index.js';
import { createQuoteMailer } from './mail/createQuoteMailer.js';
import { ContractStatusDialog } from '../dialogs/contracts/contractStatusDialog.js';
import type { ContractDialogDeps } from '../dialogs/contracts/contractDialogDeps.js';
import { ContractPersonalRouter } from '../dialogs/contracts/personalRouter.js';
import { WalkthroughDialog } from '../dialogs/contracts/walkthroughDialog.js';

export interface BotApp extends BotParts {
  adapter: CloudAdapter;
  server: Server;
  /** The support-site chat (page, token route, embedded Direct Line in local mode). */
  webChat: WebChatParts;
}

export interface AppOverrides {
  /** Replaces the storage chosen by configuration (tests). */
  storage?: Storage;
  /** Replaces the real clock (tests: lock-outs, dates). */
  clock?: Clock;
  /** Replaces the contract service chosen by configuration (tests). */
  contracts?: ContractService;
  /** Replaces the quote mailer chosen by configuration (tests). */
  mailer?: QuoteMailer;
}

interface Stores {
  storage: Storage;
  attempts: AttemptStore;
  quotes: QuoteStore;
  outbox: QuoteOutbox;
}

/**
 * Where state lives: by default one SQLite file holds the bot state, the verification
 * attempts and the quote requests, so all of them outlive the process; memory for tests.
 */
function createStores(config: Config, overrides: AppOverrides, closers: Array<() => void>): Stores {
  if (config.STORAGE === 'memory') {
    return { storage: overrides.storage ?? new MemoryStorage(), attempts: new MemoryAttemptStore(), quotes: new MemoryQuoteStore(), outbox: new MemoryQuoteOutbox() };
  }
  const db = openDatabase(config.STORAGE_FILE);
  closers.push(() => db.close());
  return {
    storage: overrides.storage ?? new SqliteStorage(db), attempts: new SqliteAttemptStore(db), quotes: new SqliteQuoteStore(db), outbox: new SqliteQuoteOutbox(db),
  };
}

/** Links the FAQ names, from configuration; a link that is not configured is not shown. */
export function linksFrom(config: Config): LinkUrls {
  return {
    customerPortal: config.CUSTOMER_PORTAL_URL,
    partnerLocator: config.PARTNER_LOCATOR_URL,
    renewalPolicy: config.RENEWAL_POLICY_URL,
    customerService: config.CUSTOMER_SERVICE_URL,
    sales: config.SALES_URL,
    knowledgeBase: config.KNOWLEDGE_BASE_URL,
    symhelp: config.SYMHELP_URL,
    forums: config.FORUMS_URL,
    renewalsPage: config.RENEWALS_PAGE_URL,
  };
}

/** Builds the knowledge base and the recognizer from the project's knowledge files. */
export function createUnderstanding(): { kb: KnowledgeBase; recognizer: IntentRecognizer } {
  const kb = loadKnowledgeBase(fromRoot('knowledge'));
  const examples = kb.recognizerExamples();
  // The build trains the model into this file; a missing or stale file means training now.
  const { model } = loadOrTrainModel(trainingExamples(examples), INTENT_MODEL_FILE);
  return { kb, recognizer: new TrainedRecognizer(examples, model) };
}

export interface BotParts {
  bot: RenewalBot;
  kb: KnowledgeBase;
  recognizer: IntentRecognizer;
  translator: Translator;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** Middleware every adapter runs (channel-specific shaping of replies). */
  middleware: Middleware[];
  /** Delivers quote requests (e-mail, vendor API) and retries the failed ones. */
  quoteDelivery: QuoteDeliveryService;
  /** Closes what was opened (the database, the mail transport, the retry timer). */
  close(): void;
}

/**
 * The wiring: the one place that turns configuration into objects and hands each one what
 * it needs. Everything else receives its collaborators through its constructor.
 */
export function createBot(config: Config, logger: Logger, overrides: AppOverrides = {}): BotParts {
  const { kb, recognizer } = createUnderstanding();
  const translator = createTranslator();
  const closers: Array<() => void> = [];

  const clock = overrides.clock ?? systemClock;
  const stores = createStores(config, overrides, closers);
  const conversationState = new ConversationState(stores.storage);
  const userState = new UserState(stores.storage);
  const state = {
    profile: userState.createProperty<UserProfile>('profile'),
    conversation: conversationState.createProperty<ConversationData>('conversation'),
  };
  const contracts = overrides.contracts ?? createContractService({
    apiUrl: config.CONTRACT_API_URL,
    apiToken: config.CONTRACT_API_TOKEN,
    apiTimeoutMs: config.CONTRACT_API_TIMEOUT_MS,
    contractsFile: config.CONTRACTS_FILE ?? SAMPLE_CONTRACTS_FILE,
    clock,
    quotes: stores.quotes,
  });
  const quoteDelivery = createQuoteDelivery(config, logger, overrides, { contracts, clock, outbox: stores.outbox, translator }, closers);
  const verification = new VerificationService({ contracts, clock, attempts: stores.attempts, keySecret: config.VERIFICATION_KEY_SECRET });
  const understanding = new TurnUnderstanding(recognizer, translator, state, config.DEFAULT_LANGUAGE);
  const links = linksFrom(config);
  const contractDeps: ContractDialogDeps = { kb, understanding, state, contracts, verification, clock, logger, links, quoteDelivery };
  const mainDialog = new MainDialog({
    kb,
    understanding,
    links,
    children: { 'check-status': new ContractStatusDialog(contractDeps), 'start-renewal': new WalkthroughDialog(contractDeps) },
    personal: new ContractPersonalRouter(contractDeps),
  });
  const bot = new RenewalBot({
    conversationState,
    userState,
    dialogState: conversationState.createProperty('dialogState'),
    mainDialog,
    understanding,
    translator,
    kb,
    buttonLabels: new ButtonLabels(readLocaleResources(), kb),
  });
  const onTurnError = turnErrorHandler({ logger, translator, understanding, conversationState, defaultLang: config.DEFAULT_LANGUAGE });
  const middleware: Middleware[] = [new TeamsTenantMiddleware(), new TeamsButtonsMiddleware()];
  return { bot, kb, recognizer, translator, onTurnError, middleware, quoteDelivery, close: () => closers.forEach((close) => close()) };
}

/**
 * Quote delivery: e-mail through SMTP or to .eml files (configuration), the vendor's API when
 * one is set; a timer retries what failed, and a first pass at start resumes what a restart
 * left pending.
 */
function createQuoteDelivery(
  config: Config,
  logger: Logger,
  overrides: AppOverrides,
  parts: { contracts: ContractService; clock: Clock; outbox: QuoteOutbox; translator: Translator },
  closers: Array<() => void>,
): QuoteDeliveryService {
  const configured = createQuoteMailer(config);
  closers.push(() => configured.close());
  const delivery = new QuoteDeliveryService({
    contracts: parts.contracts,
    outbox: parts.outbox,
    mailer: overrides.mailer ?? configured.mailer,
    clock: parts.clock,
    texts: (lang) => {
      const t = parts.translator.forLang(lang);
      return (key, vars) => t(key, vars ?? {});
    },
    log: logger,
    vendorApi: !overrides.contracts && Boolean(config.CONTRACT_API_URL),
    messageIdDomain: configured.domain,
    waitMs: config.QUOTE_DELIVERY_WAIT_MS,
  });
  if (!overrides.mailer) logger.info({ quoteMail: configured.description }, 'quote e-mails go to this mail server or folder');
  if (!overrides.mailer && isProduction(config) && !config.SMTP_URL && !config.SMTP_HOST) {
    logger.warn({ event: 'quote-mail-not-configured', outbox: config.OUTBOX_DIR }, 'production mode without SMTP_URL or SMTP_HOST: quote e-mails stay in the outbox folder and reach no reseller');
  }
  const retry = () => {
    delivery.runDue().catch((error: unknown) => logger.error({ event: 'quote-retry-scan-failed', error: String(error) }, 'quote retry scan failed'));
  };
  const timer = setInterval(retry, config.QUOTE_RETRY_SCAN_MS);
  timer.unref();
  closers.unshift(() => clearInterval(timer));
  retry();
  return delivery;
}

/** The bot behind botbuilder's CloudAdapter and the restify server. */
export function createApp(config: Config, logger: Logger, overrides: AppOverrides = {}): BotApp {
  const parts = createBot(config, logger, overrides);
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: appTypeOf(config),
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new MessagesAdapter(auth);
  adapter.onTurnError = parts.onTurnError;
  const interfaces = Object.values(networkInterfaces()).flat().map((i) => i?.address ?? '');
  const serviceUrls = new ServiceUrlPolicy(isProduction(config), selfAddresses(config.HOST, config.PORT, interfaces));
  // First: a turn the bot may not answer is neither run nor remembered for proactive messages.
  adapter.use(new ServiceUrlGuard(serviceUrls, logger));
  for (const m of parts.middleware) adapter.use(m);
  const failures = new FailureLog({ logger, clock: overrides.clock ?? systemClock });
  const logic = (context: TurnContext) => parts.bot.run(context);
  const server = createServer({ logger, failures, serviceUrls, messages: adapterEndpoint(adapter, logic, failures) });
  const webChat = registerWebChat(server, { config, logger, adapter, logic: (context) => parts.bot.run(context), translator: parts.translator });
  return { ...parts, adapter, server, webChat };
}
