export { BlobAttemptStore } from './blobAttemptStore.js';
export { BlobDocuments } from './blobDocuments.js';
export { BlobQuoteOutbox } from './blobQuoteOutbox.js';
export { BlobQuoteStore } from './blobQuoteStore.js';
export { createBlobStores, type Stores } from './blobStores.js';
export { IN_MEMORY, openDatabase } from './openDatabase.js';
export { SqliteStorage } from './sqliteStorage.js';
