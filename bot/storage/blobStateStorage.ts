import type { ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder-core';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey.js';
import { CREATE_ONLY_ETAG } from '../../services/createOnly.js';
import { statusOf } from './blobDocuments.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const conflict = (key: string) => new Error(`Storage: error writing "${key}" due to eTag conflict.`);

/**
 * Bot state in Blob Storage: botbuilder-azure-blobs' BlobsStorage (same blob names, same JSON),
 * plus what it lacks, a create-only write. BlobsStorage writes an item without eTag, or with
 * `'*'`, unconditionally: two instances starting the same conversation at once would both
 * "create" its state and the later one would silently erase the earlier. An item whose eTag is
 * {@link CREATE_ONLY_ETAG} is written here with `If-None-Match: *`, and when the blob exists
 * already (409 BlobAlreadyExists, or 412) the write is refused with the eTag-conflict error every
 * botbuilder storage throws, so the caller's conflict path (drop the turn's change and log it,
 * read again and retry) runs instead of the turn-error handler.
 *
 * @example
 * const storage = new BlobStateStorage(new BlobsStorage(cs, 'bot-state'), containerPromise);
 */
export class BlobStateStorage implements Storage {
  /**
   * @param blobs the BlobsStorage on the container (reads, deletes, ordinary writes)
   * @param container the same container, created if missing, for the create-only writes
   */
  constructor(private readonly blobs: Storage, private readonly container: () => Promise<ContainerClient>) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.blobs.read(keys);
  }

  delete(keys: string[]): Promise<void> {
    return this.blobs.delete(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    if (!isObject(changes)) throw new ReferenceError('Changes are required when writing.');
    const others: StoreItems = {};
    const creates: Array<[string, Record<string, unknown>]> = [];
    for (const [key, item] of Object.entries(changes)) {
      if (isObject(item) && item.eTag === CREATE_ONLY_ETAG) creates.push([key, item]);
      else others[key] = item;
    }
    await Promise.all([
      Object.keys(others).length > 0 ? this.blobs.write(others) : Promise.resolve(),
      ...creates.map(([key, item]) => this.create(key, item)),
    ]);
  }

  private async create(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag: _dropped, ...value } = item;
    const body = JSON.stringify(value);
    const blob = (await this.container()).getBlockBlobClient(sanitizeBlobKey(key));
    try {
      await blob.upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) throw conflict(key);
      throw error;
    }
  }
}
