import {
  MemoryStorage,
  type Middleware, type Storage, type TurnContext,
} from 'botbuilder-core';
// The botbuilder package's index also loads skills, streaming, transcripts and inspection,
// ~0.1 s of start-up this bot does not use; CloudAdapter is all it needs from it.
import { CloudAdapter } from 'botbuilder/lib/cloudAdapter.js';
import { networkInterfaces } from 'node:os';
import type { Server } from 'restify';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { CommandWords } from '../knowledge/recognizer/commandWords.js';
import type { IntentRecognizer } from '../knowledge/recognizer/recognizer.js';
import { langOfLocale, type Lang } from '../knowledge/language/lang.js';
import { TrainedRecognizer } from '../knowledge/recognizer/trainedRecognizer.js';
import { loadOrTrainModel } from '../knowledge/model/modelFile.js';
import { trainingExamples } from '../knowledge/model/trainingData.js';
import type { ConversationData, PersonalConversationData, UserProfile } from '../dialogs/conversationData.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import type { LinkUrls } from '../dialogs/replies/links.js';
import { TurnUnderstanding } from '../dialogs/turnUnderstanding.js';
import { appTypeOf, isProduction, type Config } from './config.js';
import { createServer } from './http/server.js';
import { directLineIssuer } from './http/directLine/chatTokenIssuers.js';
import { ConversationReferences } from './http/directLine/conversationReferences.js';
import type { ConversationStore } from './http/directLine/conversationStore.js';
import { DirectLineTokenClient, type DirectLineTokenSource } from './http/directLine/directLineTokenClient.js';
import { randomId, type IdGenerator } from './http/directLine/ids.js';
import { deriveKey, processSecret } from './http/directLine/keys.js';
import { OriginPolicy } from './http/directLine/originPolicy.js';
import { TokenBucketLimiter } from './http/directLine/tokenBucket.js';
import { UserIds } from './http/directLine/userIds.js';
import { pageStrings } from './http/webChat/pageStrings.js';
import { pageCsp, registerWebChat } from './http/webChat/registerWebChat.js';
import { createTranslator, readLocaleResources, type Translator } from './i18n.js';
import { ButtonLabels } from './buttonLabels.js';
import type { Logger } from './logger.js';
import { fromRoot, INTENT_MODEL_FILE, SAMPLE_CONTRACTS_FILE } from './paths.js';
import { RenewalBot } from './renewalBot.js';
import { createBlobStores, openDatabase, SqliteStorage } from './storage/index.js';
import { ETagConversationState, ETagPrivateConversationState, ETagUserState } from './state/index.js';
import { turnErrorHandler } from './turnErrorHandler.js';
import { TeamsButtonsMiddleware } from './teamsButtons.js';
import { fromAuthenticatedChannel, ServiceUrlGuard, TeamsTenantMiddleware } from './channelTrust.js';
import { adapterEndpoint, MessagesAdapter } from './http/adapterEndpoint.js';
import { ReusingAuthentication } from './http/reusedClients.js';
import { FailureLog } from './http/failureLog.js';
import { selfAddresses, ServiceUrlPolicy } from './http/serviceUrls.js';
import { systemClock, type Clock } from '../services/clock.js';
import { SqliteTickWriter } from '../services/sqliteTickWriter.js';
import {
  createContractService, MemoryQuoteStore, RecentContracts, SqliteQuoteStore, type ContractService,
} from '../services/contracts/index.js';
import { MemoryAttemptStore, SqliteAttemptStore, VerificationService } from '../services/verification/index.js';
import {
  MemoryQuoteOutbox, QuoteDeliveryService, SqliteQuoteOutbox, type QuoteMailer, type QuoteOutbox,
} from '../services/quotes/index.js';
import { createQuoteMailer } from './mail/createQuoteMailer.js';
import type { Stores } from './storage/index.js';
import { ContractStatusDialog } from '../dialogs/contracts/contractStatusDialog.js';
import type { ContractDialogDeps } from '../dialogs/contracts/contractDialogDeps.js';
import { WalkthroughProgress } from '../dialogs/contracts/walkthroughProgress.js';
import { ContractPersonalRouter } from '../dialogs/contracts/personalRouter.js';
import { WalkthroughDialog } from '../dialogs/contracts/walkthroughDialog.js';
import { GroupGate } from '../dialogs/contracts/groupGate.js';
import type { PersonalChatOpener } from '../dialogs/contracts/personalChat.js';
import { TeamsPersonalChat } from './teamsPersonalChat.js';
import { HandoffDialog, HandoffGate, ProactiveNotifier, type HandoffDeps, type HandoffState } from '../dialogs/handoff/index.js';
import {
  HandoffService, parseOpeningSpans, PendingNotices, PickupRouter, SqliteTranscriptLog, StorageCaseStore, StorageTranscriptLog, SupportHours,
} from '../services/handoff/index.js';
import { CONSOLE_CHANNEL } from './cli/consoleAdapter.js';
import { createAgentDesk, type AgentDesk } from './agentDesk/createAgentDesk.js';
import { FeedbackFlow, type FeedbackState } from '../dialogs/feedback/index.js';
import type { FeedbackStore } from '../services/feedback/index.js';
import { createFeedback, type FeedbackParts } from './feedback/createFeedback.js';
import type Database from 'better-sqlite3';
import { agentOf, sessionAgentOf } from './agentDesk/agentIdentity.js';
import { registerAgentReport } from './http/agentReport/registerAgentReport.js';

export interface BotApp extends BotParts {
  adapter: CloudAdapter;
  server: Server;
  /** The support-site chat (page, token route, embedded Direct Line in local mode). */
  webChat: WebChatParts;
  /** The support agents' desk and API (/agent, /api/agent). */
  agentDesk: AgentDesk;
}

export interface WebChatParts {
  /** The embedded Direct Line endpoint's transcripts; undefined in production mode, where it is off. */
  store?: ConversationStore;
  references: ConversationReferences;
}

export interface AppOverrides {
  /** Replaces the storage chosen by configuration (tests). */
  storage?: Storage;
  /** Replaces the real clock (tests: lock-outs, dates). */
  clock?: Clock;
  /** Replaces the contract service chosen by configuration (tests). */
  contracts?: ContractService;
  /** Replaces the recognizer built from the knowledge base (tests: a fake that answers as told). */
  recognizer?: IntentRecognizer;
  /** Replaces the Direct Line service the token route asks (tests). */
  directLine?: DirectLineTokenSource;
  /** Replaces the random ids of chat conversations and users (tests). */
  newId?: IdGenerator;
  /** Replaces the feedback store chosen by configuration (tests). */
  feedbackStore?: FeedbackStore;
  /** Replaces the quote mailer chosen by configuration (tests). */
  mailer?: QuoteMailer;
  /** Replaces the Teams personal chat opener (tests: a fake that records what it was asked). */
  personalChat?: PersonalChatOpener;
}

/**
 * Where state lives: by default one SQLite file holds the bot state, the verification
 * attempts, the quote requests, the handoff cases and the feedback records, so all of them
 * outlive the process; with STORAGE=blob one Blob Storage container holds all of them for
 * several instances; memory for tests.
 */
function createStores(config: Config, overrides: AppOverrides, closers: Array<() => void>): Stores {
  if (config.STORAGE === 'memory') {
    return { storage: overrides.storage ?? new MemoryStorage(), attempts: new MemoryAttemptStore(), quotes: new MemoryQuoteStore(), outbox: new MemoryQuoteOutbox() };
  }
  if (config.STORAGE === 'blob' && config.AZURE_STORAGE_CONNECTION_STRING) {
    return createBlobStores({ connectionString: config.AZURE_STORAGE_CONNECTION_STRING, container: config.BLOB_CONTAINER }, overrides.storage);
  }
  const db = openDatabase(config.STORAGE_FILE);
  closers.push(() => {
    // Writes asked for in this very tick (a timer's) are committed, not refused, at shutdown.
    SqliteTickWriter.of(db).flush();
    db.close();
  });
  return {
    storage: overrides.storage ?? new SqliteStorage(db), attempts: new SqliteAttemptStore(db), quotes: new SqliteQuoteStore(db), outbox: new SqliteQuoteOutbox(db), db,
  };
}

/**
 * What a support agent's tools need (npm run unlock): the verification service on the
 * configured storage, without the bot around it.
 */
export function createAgentTools(config: Config, overrides: AppOverrides = {}): { verification: VerificationService; close(): void } {
  const closers: Array<() => void> = [];
  const clock = overrides.clock ?? systemClock;
  const stores = createStores(config, overrides, closers);
  const contracts = overrides.contracts ?? createContractService({
    apiUrl: config.CONTRACT_API_URL,
    apiToken: config.CONTRACT_API_TOKEN,
    apiTimeoutMs: config.CONTRACT_API_TIMEOUT_MS,
    contractsFile: config.CONTRACTS_FILE ?? SAMPLE_CONTRACTS_FILE,
    clock,
    quotes: stores.quotes,
  });
  const verification = new VerificationService({ contracts, clock, attempts: stores.attempts, keySecret: config.VERIFICATION_KEY_SECRET });
  return { verification, close: () => closers.forEach((close) => close()) };
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

/**
 * Builds the knowledge base and the recognizer from the project's knowledge files (tests: a copy
 * of them, with its own model file).
 */
export function createUnderstanding(knowledgeDir = fromRoot('knowledge'), modelFile = INTENT_MODEL_FILE): { kb: KnowledgeBase; recognizer: IntentRecognizer } {
  const kb = loadKnowledgeBase(knowledgeDir);
  const examples = kb.recognizerExamples();
  // The build trains the model into this file; a missing or stale file means training now.
  const { model } = loadOrTrainModel(trainingExamples(examples), modelFile);
  return { kb, recognizer: new TrainedRecognizer(examples, model) };
}

export interface BotParts {
  bot: RenewalBot;
  kb: KnowledgeBase;
  recognizer: IntentRecognizer;
  translator: Translator;
  /** The locale files' contents, read once. */
  localeResources: ReturnType<typeof readLocaleResources>;
  /** The language the bot answers this conversation in, as stored (replies, reminders, errors). */
  languageOf: (context: TurnContext) => Promise<Lang>;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** Middleware every adapter runs (channel-specific shaping of replies). */
  middleware: Middleware[];
  /** Answer-quality records: the store the report reads, and the recorder. */
  feedback: FeedbackParts;
  /** Delivers quote requests (e-mail, vendor API) and retries the failed ones. */
  quoteDelivery: QuoteDeliveryService;
  /** Human handoff: cases, queue, relay (its notifier is set once an adapter exists). */
  handoff: HandoffService;
  /** Notices for the terminal's conversations, which the server cannot reach: `npm run chat` picks them up. */
  handoffPickup: PendingNotices;
  /** Closes what was opened (the database, the mail transport, the retry timer). */
  close(): void;
}

/**
 * The wiring: the one place that turns configuration into objects and hands each one what
 * it needs. Everything else receives its collaborators through its constructor.
 */
export function createBot(config: Config, logger: Logger, overrides: AppOverrides = {}): BotParts {
  const understood = createUnderstanding();
  const { kb } = understood;
  const recognizer = overrides.recognizer ?? understood.recognizer;
  const localeResources = readLocaleResources();
  const translator = createTranslator(localeResources);
  const closers: Array<() => void> = [];

  const clock = overrides.clock ?? systemClock;
  const stores = createStores(config, overrides, closers);
  const conversationState = new ETagConversationState(stores.storage);
  // Per user within a conversation: in a group chat one member's verification, dialog and
  // walkthrough are invisible to the others.
  const privateState = new ETagPrivateConversationState(stores.storage);
  const userState = new ETagUserState(stores.storage);
  const state = {
    profile: userState.createProperty<UserProfile>('profile'),
    conversation: conversationState.createProperty<ConversationData>('conversation'),
    personal: privateState.createProperty<PersonalConversationData>('personal'),
  };
  const source = overrides.contracts ?? createContractService({
    apiUrl: config.CONTRACT_API_URL,
    apiToken: config.CONTRACT_API_TOKEN,
    apiTimeoutMs: config.CONTRACT_API_TIMEOUT_MS,
    contractsFile: config.CONTRACTS_FILE ?? SAMPLE_CONTRACTS_FILE,
    clock,
    quotes: stores.quotes,
  });
  // A walkthrough step, the status and the alignment reuse what was read in the last minute.
  const contracts = new RecentContracts(source, { clock });
  const quoteDelivery = createQuoteDelivery(config, logger, overrides, { contracts, clock, outbox: stores.outbox, translator }, closers);
  const verification = new VerificationService({
    contracts, clock, attempts: stores.attempts, keySecret: config.VERIFICATION_KEY_SECRET,
    onAlert: (alert) => logger.warn({ alert }, 'one renewal ID is failing verification from many sources'),
  });
  const understanding = new TurnUnderstanding({
    recognizer, commands: CommandWords.fromLocales(localeResources), translator, state, defaultLang: config.DEFAULT_LANGUAGE, logger,
  });
  const links = linksFrom(config);
  const feedback = createFeedback(config, stores.db, clock, logger, overrides.feedbackStore ?? stores.feedback);
  closers.unshift(() => feedback.stop());
  const contractDeps: ContractDialogDeps = { kb, understanding, state, contracts, verification, clock, links, quoteDelivery, progress: new WalkthroughProgress(stores.storage) };
  const handoffPickup = new PendingNotices(stores.storage);
  const handoff = new HandoffService({
    store: new StorageCaseStore(stores.storage),
    onPurged: async (cases) => {
      for (const c of cases) await handoffPickup.forgetCase(c.conversationKey, c.id);
    },
    clock,
    hours: new SupportHours(parseOpeningSpans(config.SUPPORT_HOURS), config.SUPPORT_TIMEZONE),
    settings: {
      waitMs: config.HANDOFF_WAIT_MINUTES * 60_000,
      retentionMs: config.HANDOFF_RETENTION_DAYS * 24 * 3_600_000,
      transcriptLines: config.HANDOFF_TRANSCRIPT_LINES,
    },
  });
  const handoffDeps: HandoffDeps = {
    kb, understanding, translator, state, contracts, handoff, clock, logger,
    handoffState: conversationState.createProperty<HandoffState>('handoff'),
    mode: config.HANDOFF_MODE,
    fromAuthenticatedChannel,
    transcriptLines: config.HANDOFF_TRANSCRIPT_LINES,
    transcripts: stores.db ? new SqliteTranscriptLog(stores.db) : new StorageTranscriptLog(stores.storage),
  };
  const handoffGate = new HandoffGate(handoffDeps);
  const mainDialog = new MainDialog({
    kb,
    understanding,
    links,
    children: {
      'check-status': new ContractStatusDialog(contractDeps),
      'start-renewal': new WalkthroughDialog(contractDeps),
      'talk-to-agent': new HandoffDialog(handoffDeps),
    },
    personal: new ContractPersonalRouter(contractDeps),
    notUnderstood: (context, turn) => handoffGate.notUnderstood(context, turn),
    feedback: new FeedbackFlow({ recorder: feedback.recorder, state: conversationState.createProperty<FeedbackState>('feedback'), kb, logger }),
    // Contracts stay out of Teams channels and group chats: the bot moves to a personal chat.
    groupGate: new GroupGate({ kb, chats: overrides.personalChat ?? new TeamsPersonalChat({ botAppId: config.MicrosoftAppId ?? '', logger }) }),
  });
  const bot = new RenewalBot({
    conversationState,
    privateState,
    userState,
    dialogState: privateState.createProperty('dialogState'),
    onStateConflict: (context) => logger.warn({ conversationId: context.activity.conversation?.id }, 'turn state not saved: another instance changed it meanwhile'),
    mainDialog,
    understanding,
    translator,
    kb,
    buttonLabels: new ButtonLabels(localeResources, kb),
    handoff: handoffGate,
  });
  // The handler clears the state that holds the broken dialog stack: the user's own.
  const onTurnError = turnErrorHandler({ translator, understanding, conversationState: privateState, defaultLang: config.DEFAULT_LANGUAGE });
  const middleware: Middleware[] = [new TeamsTenantMiddleware(), new TeamsButtonsMiddleware()];
  return {
    bot, kb, recognizer, translator, localeResources, onTurnError, middleware, quoteDelivery, handoff, feedback,
    handoffPickup,
    languageOf: (context) => understanding.languageOf(context),
    close: () => closers.forEach((close) => close()),
  };
}

/**
 * The support-site chat: origin policy, rate limit, signed user ids, the token issuer, and in
 * local mode the embedded Direct Line endpoint (loaded only then) and `/api/notify`.
 */
async function createWebChat(server: Server, adapter: CloudAdapter, parts: BotParts, config: Config, logger: Logger, overrides: AppOverrides): Promise<WebChatParts> {
  const clock = overrides.clock ?? systemClock;
  const newId = overrides.newId ?? randomId;
  // Without a Direct Line secret, what is signed is valid until the process restarts.
  const keyMaterial = config.DIRECT_LINE_SECRET ?? processSecret();
  const origins = new OriginPolicy(config.ALLOWED_ORIGINS);
  const limiter = new TokenBucketLimiter({ perMinute: config.TOKEN_RATE_LIMIT_PER_MINUTE, clock });
  const references = new ConversationReferences();
  const users = new UserIds(deriveKey(keyMaterial, 'user-id'), newId);
  adapter.use(references.recorder());
  const local = isProduction(config)
    ? undefined
    : (await import('./http/directLine/localDirectLine.js')).createLocalDirectLine({
        adapter, logic: (context) => parts.bot.run(context), clock, newId, keyMaterial, origins, limiter, users, logger,
        // The turn failed before the bot could say which language it answers in: the channel's locale.
        apology: (locale) => parts.translator.forLang(langOfLocale(locale) ?? config.DEFAULT_LANGUAGE)('errors.turn'),
      });
  const issuer = config.DIRECT_LINE_SECRET
    ? directLineIssuer(overrides.directLine ?? new DirectLineTokenClient({ secret: config.DIRECT_LINE_SECRET, endpoint: config.DIRECT_LINE_ENDPOINT }), config.DIRECT_LINE_ENDPOINT)
    : local?.issuer;
  const notify = local || config.NOTIFY_TOKEN
    ? { adapter, botAppId: config.MicrosoftAppId ?? '', references, translator: parts.translator, languageOf: parts.languageOf, token: config.NOTIFY_TOKEN, logger }
    : undefined;
  registerWebChat(server, {
    logger, issuer, origins, limiter, notify, local, users,
    pageCsp: pageCsp(config),
    strings: pageStrings(parts.localeResources),
  });
  return { store: local?.store, references };
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
export async function createApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<BotApp> {
  const parts = createBot(config, logger, overrides);
  const auth = new ReusingAuthentication({
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
  const webChat = await createWebChat(server, adapter, parts, config, logger, overrides);
  parts.handoff.useNotifier(new PickupRouter(new ProactiveNotifier({
    sender: { continueConversation: (reference, logic) => adapter.continueConversationAsync(config.MicrosoftAppId ?? '', reference, logic) },
    translator: parts.translator,
    kb: parts.kb,
    timeZone: config.SUPPORT_TIMEZONE,
    logger,
  }), parts.handoffPickup, new Set([CONSOLE_CHANNEL])));
  const agentDesk = createAgentDesk(server, { config, logger, handoff: parts.handoff, clock: overrides.clock ?? systemClock });
  // A page of the desk: the desk's session opens it; the JSON also takes a bearer agent token.
  registerAgentReport(server, {
    pageAgent: (req) => sessionAgentOf(req, agentDesk.agents),
    apiAgent: (req) => agentOf(req, agentDesk.agents),
    failures: agentDesk.failures,
    store: parts.feedback.store,
    kb: parts.kb,
    recognizer: parts.recognizer,
    translator: parts.translator,
    clock: overrides.clock ?? systemClock,
    defaultLang: config.DEFAULT_LANGUAGE,
  });
  const close = () => {
    agentDesk.close();
    parts.close();
  };
  return { ...parts, close, adapter, server, webChat, agentDesk };
}
