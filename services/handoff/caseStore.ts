import type { HandoffCase } from './handoffCase.js';

/**
 * A key/value store with optimistic concurrency, the shape of botbuilder's `Storage`
 * (MemoryStorage, the SQLite storage, blob storage…), declared here so that the handoff
 * domain does not depend on botbuilder: a write whose `eTag` is stale is refused.
 */
export interface KeyValueStore {
  read(keys: string[]): Promise<Record<string, unknown>>;
  write(changes: Record<string, object>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export type CaseScope = 'open' | 'closed' | 'all';

/** Where cases live. */
export interface CaseStore {
  /** Stores a new case under a fresh id from `build`; retries with another id when one is taken. */
  create(build: (id: string) => HandoffCase): Promise<HandoffCase>;
  get(id: string): Promise<HandoffCase | undefined>;
  /**
   * The cases kept: the open ones (waiting or assigned), the closed ones (until purged), or all.
   * Open cases are listed without reading the closed ones, which pile up until the purge.
   */
  list(scope: CaseScope): Promise<HandoffCase[]>;
  /**
   * Reads, changes and writes a case as one step: when another instance wrote it meanwhile,
   * `change` runs again on the fresh copy. Errors thrown by `change` propagate unchanged.
   */
  update(id: string, change: (current: HandoffCase) => HandoffCase): Promise<HandoffCase>;
  remove(ids: readonly string[]): Promise<void>;
  /** How many open cases wait for an agent, `except` left out: a new case's place in the queue. */
  countWaiting(except?: string): Promise<number>;
}
