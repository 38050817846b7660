import type Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder-core';
import type { QuoteStore } from '../../services/contracts/index.js';
import type { FeedbackStore } from '../../services/feedback/index.js';
import type { QuoteOutbox } from '../../services/quotes/index.js';
import type { AttemptStore } from '../../services/verification/index.js';
import { BlobAttemptStore } from './blobAttemptStore.js';
import { BlobDocuments } from './blobDocuments.js';
import { BlobFeedbackStore } from './blobFeedbackStore.js';
import { BlobQuoteOutbox } from './blobQuoteOutbox.js';
import { BlobQuoteStore } from './blobQuoteStore.js';
import { BlobStateStorage } from './blobStateStorage.js';

/**
 * What the bot keeps: bot state (with the handoff cases and walkthrough progress), verification
 * attempts, quote requests and their deliveries, and the feedback records.
 */
export interface Stores {
  storage: Storage;
  attempts: AttemptStore;
  quotes: QuoteStore;
  outbox: QuoteOutbox;
  /** The SQLite file, when state lives in one (the feedback records live there too). */
  db?: Database.Database;
  /** The feedback records, when they live beside the state elsewhere than in the SQLite file (blob). */
  feedback?: FeedbackStore;
}

/** A Storage whose implementation is still loading; calls wait for it. */
class PendingStorage implements Storage {
  constructor(private readonly ready: Promise<Storage>) {}

  async read(keys: string[]): Promise<StoreItems> {
    return (await this.ready).read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    return (await this.ready).write(changes);
  }

  async delete(keys: string[]): Promise<void> {
    return (await this.ready).delete(keys);
  }
}

/**
 * Everything in one Blob Storage container (created if missing), for several instances
 * behind a load balancer: bot state through botbuilder-azure-blobs' BlobsStorage (blobs named
 * after the state keys; first writes create-only, see BlobStateStorage), handoff cases and
 * walkthrough progress with it (`handoff%2F…`, `walkthrough%2F…`), attempts under
 * `verification-attempts/`, quotes under `quote-requests/`, their deliveries under
 * `quote-outbox/`, feedback under `feedback/`. The Azure SDK (~1 s and 40 MB to load) is
 * imported only here, in the background, so the SQLite default does not pay for it.
 *
 * @example
 * const stores = createBlobStores({ connectionString: config.AZURE_STORAGE_CONNECTION_STRING, container: 'bot-state' });
 */
export function createBlobStores(options: { connectionString: string; container: string }, storage?: Storage): Stores {
  const container = import('@azure/storage-blob').then(({ BlobServiceClient }) =>
    BlobServiceClient.fromConnectionString(options.connectionString).getContainerClient(options.container));
  const state = import('botbuilder-azure-blobs').then(({ BlobsStorage }) => new BlobsStorage(options.connectionString, options.container));
  // A bad connection string fails the first turn that uses storage (logged there), not the process.
  for (const pending of [container, state]) pending.catch(() => undefined);
  const docs = new BlobDocuments(container);
  const blobs = storage ?? new BlobStateStorage(new PendingStorage(state), () => docs.container());
  return {
    storage: blobs, attempts: new BlobAttemptStore(docs), quotes: new BlobQuoteStore(docs), outbox: new BlobQuoteOutbox(docs), feedback: new BlobFeedbackStore(docs),
  };
}
