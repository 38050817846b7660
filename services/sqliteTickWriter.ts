import type Database from 'better-sqlite3';

/** One caller's write: runs inside the batch, then settles the caller's promise. */
interface Job {
  execute(): void;
  settle(): void;
  fail(error: unknown): void;
}

/**
 * Runs the writes that the stores sharing one SQLite connection ask for during one tick of the
 * event loop in a single `BEGIN IMMEDIATE` transaction: under load a turn's state saves,
 * feedback events and verification attempts, and those of the other turns in flight, share
 * one commit (~0.1 ms each) instead of one commit apiece.
 *
 * Each write keeps its own all-or-nothing behaviour: it runs in its own savepoint, so one
 * that throws (an eTag conflict) is rolled back alone and its caller gets the error, while
 * the others are committed. A caller's promise settles only once the commit is done, so
 * what a caller was told is written survives a SIGKILL as before, and another process on
 * the same file sees each write whole (the batch holds the write lock throughout).
 *
 * @example
 * const writer = SqliteTickWriter.of(db);
 * await writer.run(() => insert.run(row));
 */
export class SqliteTickWriter {
  private static readonly writers = new WeakMap<Database.Database, SqliteTickWriter>();

  /** The one writer of a connection: stores handed the same database share their commits. */
  static of(db: Database.Database): SqliteTickWriter {
    let writer = SqliteTickWriter.writers.get(db);
    if (!writer) {
      writer = new SqliteTickWriter(db);
      SqliteTickWriter.writers.set(db, writer);
    }
    return writer;
  }

  private queue: Job[] = [];
  private readonly begin: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly batch: Database.Transaction<(jobs: Job[]) => void>;

  private constructor(private readonly db: Database.Database) {
    this.begin = db.prepare('SAVEPOINT tick_write');
    this.release = db.prepare('RELEASE tick_write');
    this.rollback = db.prepare('ROLLBACK TO tick_write');
    this.batch = db.transaction((jobs: Job[]) => {
      for (const job of jobs) job.execute();
    });
  }

  /**
   * Runs `work` (synchronous SQLite statements) in this tick's transaction; settles after the commit.
   *
   * @param options.oneWrite `work` changes the database with at most one statement and throws
   *   only before it or in it (a failed statement undoes itself): it needs no savepoint of its
   *   own (two statements fewer, ~4 us per write). Otherwise it gets one, so that a write that
   *   throws after changing something is rolled back alone.
   */
  run<T>(work: () => T, options: { oneWrite?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
      this.queue.push({
        execute: options.oneWrite === true ? () => {
          try {
            outcome = { ok: true, value: work() };
          } catch (error) {
            outcome = { ok: false, error };
            // An error that ended the whole transaction (disk full…) fails the batch, as below.
            if (!this.db.inTransaction) throw error;
          }
        } : () => {
          // Its own savepoint: a write that throws (an eTag conflict) is rolled back alone.
          this.begin.run();
          try {
            outcome = { ok: true, value: work() };
            this.release.run();
          } catch (error) {
            outcome = { ok: false, error };
            this.rollback.run();
            this.release.run();
          }
        },
        settle: () => {
          if (outcome?.ok) resolve(outcome.value);
          else reject(outcome ? outcome.error : new Error('SQLite batch: the write did not run'));
        },
        fail: reject,
      });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Runs the writes waiting for the end of the tick now (before the connection is closed). */
  flush(): void {
    if (this.queue.length === 0) return;
    const jobs = this.queue;
    this.queue = [];
    if (!this.db.open) {
      for (const job of jobs) job.fail(new TypeError('The database connection is not open'));
      return;
    }
    try {
      this.batch.immediate(jobs);
    } catch (error) {
      // The commit itself failed (the lock was not obtained in time…): nothing was written.
      for (const job of jobs) job.fail(error);
      return;
    }
    for (const job of jobs) job.settle();
  }
}
