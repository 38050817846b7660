import { attemptRecordSchema, type AttemptChange, type AttemptRecord, type AttemptStore, type KeyedChange } from '../../services/verification/index.js';
import type { BlobDocuments } from './blobDocuments.js';

const PREFIX = 'verification-attempts/';

/**
 * Verification attempts in the bot's Blob Storage container, one small blob per hashed key
 * (`verification-attempts/<key>`), so every instance sees the same counts and none can
 * reserve an attempt another one already counted (conditional writes, see BlobDocuments).
 *
 * @example
 * const attempts = new BlobAttemptStore(new BlobDocuments(containerClient));
 */
export class BlobAttemptStore implements AttemptStore {
  constructor(private readonly docs: BlobDocuments) {}

  update<T>(key: string, change: (current: AttemptRecord | undefined) => AttemptChange<T>): Promise<T> {
    return this.docs.update(PREFIX + key, (value) => {
      const current = value === undefined ? undefined : attemptRecordSchema.parse(value);
      const { next, result } = change(current);
      return { next: next === current ? value : next, result };
    });
  }

  /** One blob after the other, each a conditional write: blobs have no transaction across keys. */
  async updateInOrder<T>(changes: ReadonlyArray<KeyedChange<T>>, goOn: (result: T) => boolean): Promise<T[]> {
    const results: T[] = [];
    for (const { key, change } of changes) {
      const result = await this.update(key, change);
      results.push(result);
      if (!goOn(result)) break;
    }
    return results;
  }

  /**
   * Listing a container on every failure would cost too much: old records are simply
   * forgotten when read (see attemptPolicy `current`). Remove them with a lifecycle
   * management rule on the `verification-attempts/` prefix (README).
   */
  prune(): Promise<void> {
    return Promise.resolve();
  }
}
