import { text } from 'node:stream/consumers';
import type { ContainerClient } from '@azure/storage-blob';

/** How many times an update is retried after another writer changed the blob meanwhile. */
const MAX_TRIES = 50;

/** The HTTP status of an Azure SDK error (RestError), without loading the SDK to check. */
export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/**
 * Small JSON documents in a Blob Storage container, changed with optimistic concurrency: an
 * update reads the blob and its ETag, then writes only if the blob is still that version
 * (`If-Match`), or still absent (`If-None-Match: *`); otherwise it reads again and retries.
 * Two processes updating one document therefore never lose each other's change.
 *
 * @example
 * const docs = new BlobDocuments(Promise.resolve(BlobServiceClient.fromConnectionString(cs).getContainerClient('bot-state')));
 * await docs.update('counters/visits', (n: number | undefined) => ({ next: (n ?? 0) + 1, result: undefined }));
 */
export class BlobDocuments {
  private ready: Promise<ContainerClient> | undefined;

  /** @param client the container, as a promise: the Azure SDK is loaded only when blob storage is used. */
  constructor(private readonly client: Promise<ContainerClient>) {}

  /**
   * Replaces the document `name` with what `change` makes of it (undefined deletes it) and
   * returns the change's result. `change` may run several times: keep it pure.
   */
  async update<T>(name: string, change: (current: unknown) => { next: unknown; result: T }): Promise<T> {
    const blob = (await this.container()).getBlockBlobClient(name);
    for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
      const { value, etag } = await this.read(name);
      const { next, result } = change(value);
      // Unchanged (a look-up, or an attempt refused): nothing to write.
      if (next === value) return result;
      try {
        if (next === undefined) {
          if (etag !== undefined) await blob.delete({ conditions: { ifMatch: etag } });
        } else {
          const body = JSON.stringify(next);
          await blob.upload(body, Buffer.byteLength(body), {
            conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
        }
        return result;
      } catch (error) {
        // 412: changed since read; 409: created meanwhile; 404: deleted meanwhile. Read again.
        const status = statusOf(error);
        if (status !== 412 && status !== 409 && status !== 404) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
      }
    }
    throw new Error(`BlobDocuments: "${name}" kept changing during ${MAX_TRIES} tries`);
  }

  /** The document and its ETag, or nothing when it does not exist. */
  async read(name: string): Promise<{ value: unknown; etag: string | undefined }> {
    const container = await this.container();
    try {
      // One request: the body and the ETag of the same version.
      const response = await container.getBlockBlobClient(name).download();
      const body = response.readableStreamBody ? await text(response.readableStreamBody) : '';
      return { value: JSON.parse(body), etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 404) return { value: undefined, etag: undefined };
      throw error;
    }
  }

  /** The names under `prefix` (housekeeping). */
  async list(prefix: string): Promise<Array<{ name: string; lastModified: Date }>> {
    const container = await this.container();
    const out: Array<{ name: string; lastModified: Date }> = [];
    for await (const item of container.listBlobsFlat({ prefix })) out.push({ name: item.name, lastModified: item.properties.lastModified });
    return out;
  }

  /**
   * Appends `text` to the append blob `name`, creating it when missing. Each append is one
   * atomic block: several instances appending to one blob never interleave or lose a line.
   */
  async append(name: string, text: string): Promise<void> {
    const blob = (await this.container()).getAppendBlobClient(name);
    const body = Buffer.from(text, 'utf8');
    try {
      await blob.appendBlock(body, body.length);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
      await blob.appendBlock(body, body.length);
    }
  }

  /** The whole blob as text, or undefined when it does not exist. */
  async readText(name: string): Promise<string | undefined> {
    const container = await this.container();
    try {
      return (await container.getBlobClient(name).downloadToBuffer()).toString('utf8');
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Deletes the blob `name`; one that is already gone is not an error. */
  async delete(name: string): Promise<void> {
    await (await this.container()).getBlobClient(name).deleteIfExists();
  }

  /** The container, created on first use when it is missing. */
  container(): Promise<ContainerClient> {
    this.ready ??= this.client.then(async (container) => {
      await container.createIfNotExists();
      return container;
    }).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}
