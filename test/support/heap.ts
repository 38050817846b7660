import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gcFunction: unknown = runInNewContext('gc');

function isCallable(value: unknown): value is () => void {
  return typeof value === 'function';
}

/** Bytes of heap in use after full garbage collections: what the process really keeps. */
export function heapAfterGc(): number {
  if (!isCallable(gcFunction)) throw new Error('cannot reach the garbage collector');
  for (let i = 0; i < 3; i += 1) gcFunction();
  return process.memoryUsage().heapUsed;
}
