/**
 * Runs the turns of one conversation one after the other within this process, so two
 * messages sent together (a proof and a "hello") cannot both read the same state and have
 * the later write erase the earlier one. Turns of different conversations still run at once.
 *
 * @example
 * const queue = new TurnQueue();
 * await queue.run(`${activity.channelId}/${activity.conversation.id}`, () => bot.run(context));
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, turn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(turn, turn);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await mine;
    } finally {
      // The last turn in line cleans up, so idle conversations cost nothing.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Conversations with a turn running or waiting (tests, metrics). */
  get size(): number {
    return this.tails.size;
  }
}
