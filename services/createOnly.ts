/**
 * The eTag that asks a key/value store (botbuilder's `Storage` shape) to write an item only if
 * its key does not exist yet: the first write of a new conversation's state, a new handoff case,
 * a new index. botbuilder has no word for "create only" (`'*'` and a missing eTag both mean
 * "overwrite"), so this is a value no store ever hands out: MemoryStorage and the SQLite storage
 * already write it when the key is absent and refuse it ("eTag conflict") when it is present;
 * the Blob Storage state store turns it into `If-None-Match: *`.
 *
 * @example
 * await storage.write({ 'handoff/index/open': { ids: [id], eTag: CREATE_ONLY_ETAG } });
 */
export const CREATE_ONLY_ETAG = 'create-only:absent';

/** The error every botbuilder-shaped storage (memory, SQLite, Blob) throws when an eTag is stale or a create-only key exists. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}
