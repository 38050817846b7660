import { describe, expect, it } from 'vitest';
import { TurnQueue } from '../../../bot/state/turnQueue.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TurnQueue', () => {
  it('runs the turns of one conversation one after the other, in arrival order', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const turn = (name: string, ms: number) => queue.run('c1', async () => {
      log.push(`${name} start`);
      await tick(ms);
      log.push(`${name} end`);
    });
    await Promise.all([turn('a', 30), turn('b', 1), turn('c', 1)]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(queue.size).toBe(0);
  });

  it('runs turns of different conversations at the same time', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    await Promise.all(['c1', 'c2'].map((key) => queue.run(key, async () => {
      log.push(`${key} start`);
      await tick(10);
      log.push(`${key} end`);
    })));
    expect(log.slice(0, 2)).toEqual(['c1 start', 'c2 start']);
  });

  it('goes on with the next turn after one fails, and passes results and errors through', async () => {
    const queue = new TurnQueue();
    const failing = queue.run('c1', () => Promise.reject(new Error('boom')));
    const next = queue.run('c1', () => Promise.resolve(42));
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe(42);
    expect(queue.size).toBe(0);
  });
});
