import {
  ConversationState, PrivateConversationState, UserState, type BotState,
  type StatePropertyAccessor, type Storage, type StoreItems, type TurnContext,
} from 'botbuilder-core';
import { CREATE_ONLY_ETAG } from '../../services/createOnly.js';
import { storedJsonOf } from '../storage/storedJson.js';
import { TurnStateProperty } from './turnStateProperty.js';

/** One state scope as this turn read it. */
interface Cached {
  state: Record<string, unknown>;
  /** The state as JSON (its eTag included) when read or last written: a save writes only when it differs. */
  snapshot: string;
  /**
   * The eTag the next write holds: the one the turn read; {@link CREATE_ONLY_ETAG} for state read
   * as new (two instances starting one conversation at once: the later first write is refused);
   * `'*'` once cleared or written in this turn.
   */
  writeETag: string;
}

/**
 * What botbuilder's BotState does for a turn, with two differences:
 * - it writes with the eTag the turn read instead of `'*'`, so of two processes handling the
 *   same conversation the later write no longer silently erases the earlier one: the storage
 *   refuses a write over a newer version ({@link isETagConflict}). State read as new (no
 *   eTag) is written create-only, and a second save in the same turn overwrites its own;
 * - it tells a change by comparing the state's JSON at save (native `JSON.stringify`) with the
 *   text the storage read (SQLite: {@link storedJsonOf}; other storages: the state's JSON at
 *   load) where BotState runs a replacer-based stringify and a SHA-256 twice per turn and
 *   scope (~5% of a turn's CPU). A text that JSON.stringify would not give back (a row edited
 *   by hand) only costs one write that changes nothing.
 * One storage read per scope and turn, at most one write, none when nothing changed.
 */
class TurnStateCache {
  private readonly key = Symbol('eTagState');

  constructor(readonly storage: Storage, readonly storageKey: (context: TurnContext) => string | Promise<string>) {}

  async load(context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
    const cached = this.cached(context);
    if (cached && !force) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    return this.accept(context, items[key]);
  }

  /** Takes `read` (what the storage holds under this turn's key, or nothing) as this turn's state. */
  accept(context: TurnContext, read: unknown): Record<string, unknown> {
    const state: Record<string, unknown> = isRecord(read) ? read : {};
    const eTag = state.eTag;
    context.turnState.set(this.key, { state, snapshot: storedJsonOf(state) ?? snapshotOf(state), writeETag: typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : CREATE_ONLY_ETAG });
    return state;
  }

  async save(context: TurnContext, force: boolean): Promise<void> {
    const cached = this.cached(context) ?? (force ? { state: {}, snapshot: '', writeETag: '*' } : undefined);
    if (!cached) return;
    const snapshot = snapshotOf(cached.state);
    if (!force && snapshot === cached.snapshot) return;
    const key = await this.storageKey(context);
    const changes: StoreItems = { [key]: { ...cached.state, eTag: cached.writeETag } };
    await this.storage.write(changes);
    // Once written, the version read is gone; a second save in the same turn overwrites its own.
    cached.writeETag = '*';
    // What was written (a change made while writing is still to be saved).
    cached.snapshot = snapshot;
    context.turnState.set(this.key, cached);
  }

  clear(context: TurnContext): void {
    context.turnState.set(this.key, { state: {}, snapshot: '', writeETag: '*' });
  }

  async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.key);
    await this.storage.delete([await this.storageKey(context)]);
  }

  get(context: TurnContext): Record<string, unknown> | undefined {
    return this.cached(context)?.state;
  }

  private cached(context: TurnContext): Cached | undefined {
    const cached: unknown = context.turnState.get(this.key);
    return isCached(cached) ? cached : undefined;
  }
}

/** Each state's turn cache, for {@link loadTogether}. */
const cachesOf = new WeakMap<BotState, TurnStateCache>();

/**
 * Loads the turn's state of every scope given that is not loaded yet, with one storage read
 * when they share a storage (SQLite: one statement, one read transaction, instead of one per
 * scope as each is first used). Scopes that are not eTag states, or whose key cannot be made
 * for this activity, are left to load as they are used (and to report their own error).
 */
export async function loadTogether(context: TurnContext, states: readonly BotState[]): Promise<void> {
  const caches = states.flatMap((state) => {
    const cache = cachesOf.get(state);
    return cache && cache.get(context) === undefined ? [cache] : [];
  });
  const storage = caches[0]?.storage;
  if (caches.length < 2 || caches.some((cache) => cache.storage !== storage) || !storage) return;
  let keys: string[];
  try {
    keys = await Promise.all(caches.map((cache) => cache.storageKey(context)));
  } catch {
    return;
  }
  const items = await storage.read(keys);
  caches.forEach((cache, i) => cache.accept(context, items[keys[i] ?? '']));
}

/**
 * The state as JSON. Its eTag is the one read throughout the turn (a save writes a copy with
 * the next one), so it tells no change by itself.
 */
function snapshotOf(state: Record<string, unknown>): string {
  return JSON.stringify(state);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCached(value: unknown): value is Cached {
  return isRecord(value) && isRecord(value.state) && typeof value.snapshot === 'string';
}

export class ETagConversationState extends ConversationState {
  private readonly turns: TurnStateCache;

  constructor(storage: Storage) {
    super(storage);
    this.turns = new TurnStateCache(storage, (context) => this.storageKey(context));
    cachesOf.set(this, this.turns);
  }

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return this.turns.load(context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return this.turns.save(context, force);
  }

  override clear(context: TurnContext): Promise<void> {
    this.turns.clear(context);
    return Promise.resolve();
  }

  override delete(context: TurnContext): Promise<void> {
    return this.turns.delete(context);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return this.turns.get(context);
  }

  /** Reads the turn's loaded state directly (see {@link TurnStateProperty}). */
  override createProperty<T = unknown>(name: string): StatePropertyAccessor<T> {
    return new TurnStateProperty<T>(this, name);
  }
}

export class ETagPrivateConversationState extends PrivateConversationState {
  private readonly turns: TurnStateCache;

  constructor(storage: Storage) {
    super(storage);
    this.turns = new TurnStateCache(storage, (context) => this.storageKey(context));
    cachesOf.set(this, this.turns);
  }

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return this.turns.load(context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return this.turns.save(context, force);
  }

  override clear(context: TurnContext): Promise<void> {
    this.turns.clear(context);
    return Promise.resolve();
  }

  override delete(context: TurnContext): Promise<void> {
    return this.turns.delete(context);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return this.turns.get(context);
  }

  /** Reads the turn's loaded state directly (see {@link TurnStateProperty}). */
  override createProperty<T = unknown>(name: string): StatePropertyAccessor<T> {
    return new TurnStateProperty<T>(this, name);
  }
}

export class ETagUserState extends UserState {
  private readonly turns: TurnStateCache;

  constructor(storage: Storage) {
    super(storage);
    this.turns = new TurnStateCache(storage, (context) => this.storageKey(context));
    cachesOf.set(this, this.turns);
  }

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return this.turns.load(context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return this.turns.save(context, force);
  }

  override clear(context: TurnContext): Promise<void> {
    this.turns.clear(context);
    return Promise.resolve();
  }

  override delete(context: TurnContext): Promise<void> {
    return this.turns.delete(context);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return this.turns.get(context);
  }

  /** Reads the turn's loaded state directly (see {@link TurnStateProperty}). */
  override createProperty<T = unknown>(name: string): StatePropertyAccessor<T> {
    return new TurnStateProperty<T>(this, name);
  }
}

export { isETagConflict } from '../../services/createOnly.js';
