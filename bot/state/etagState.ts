import {
  ConversationState, PrivateConversationState, UserState,
  type BotState, type Storage, type StoreItems, type TurnContext,
} from 'botbuilder-core';
import { CREATE_ONLY_ETAG } from '../../services/createOnly.js';

/**
 * Where a state object remembers the eTag its next write must hold (a symbol: never
 * serialized): the one it was read with, {@link CREATE_ONLY_ETAG} when it was read as new, `'*'`
 * once this turn has written it.
 */
const READ_WITH = Symbol('eTagReadWith');

interface Remembering {
  [READ_WITH]?: string;
}

function isRecord(value: unknown): value is Record<string | symbol, unknown> & Remembering {
  return typeof value === 'object' && value !== null;
}

/**
 * botbuilder's BotState writes every change with eTag `'*'`, so of two processes handling the
 * same conversation the later write silently erases the earlier one. These states write with
 * the eTag the turn read instead: the storage refuses a write over a newer version
 * ({@link isETagConflict}). State read as new (no eTag) is written create-only
 * ({@link CREATE_ONLY_ETAG}): when two instances start the same conversation at once, the later
 * first write is refused the same way instead of erasing the earlier one.
 */
class ETagStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    const out: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      if (isRecord(item) && READ_WITH in item) {
        out[key] = { ...item, eTag: item[READ_WITH] ?? '*' };
      } else {
        out[key] = item;
      }
    }
    return this.inner.write(out);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

/** Remembers the eTag the turn read, then lets BotState save as usual (it sets '*'). */
async function saveWithReadETag(state: BotState, context: TurnContext, save: () => Promise<void>): Promise<void> {
  const cached: unknown = state.get(context);
  if (isRecord(cached) && !(READ_WITH in cached)) {
    const eTag = cached.eTag;
    cached[READ_WITH] = typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : CREATE_ONLY_ETAG;
  }
  await save();
  // Once written, the version read is gone (the storage does not say the new eTag): a second
  // save in the same turn overwrites its own. A refused save throws before this line.
  if (isRecord(cached)) cached[READ_WITH] = '*';
}

export class ETagConversationState extends ConversationState {
  constructor(storage: Storage) {
    super(new ETagStorage(storage));
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveWithReadETag(this, context, () => super.saveChanges(context, force));
  }
}

export class ETagPrivateConversationState extends PrivateConversationState {
  constructor(storage: Storage) {
    super(new ETagStorage(storage));
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveWithReadETag(this, context, () => super.saveChanges(context, force));
  }
}

export class ETagUserState extends UserState {
  constructor(storage: Storage) {
    super(new ETagStorage(storage));
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveWithReadETag(this, context, () => super.saveChanges(context, force));
  }
}

/** The error every botbuilder storage (memory, SQLite, Blob) throws when an eTag is stale. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}
