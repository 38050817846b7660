export { BlobAttemptStore } from './blobAttemptStore.js';
export { BlobDocuments } from './blobDocuments.js';
export { BlobFeedbackStore } from './blobFeedbackStore.js';
export { BlobQuoteOutbox } from './blobQuoteOutbox.js';
export { BlobQuoteStore } from './blobQuoteStore.js';
export { BlobStateStorage } from './blobStateStorage.js';
export { createBlobStores, type Stores } from './blobStores.js';
export { IN_MEMORY, openDatabase } from './openDatabase.js';
export { SqliteStorage } from './sqliteStorage.js';
