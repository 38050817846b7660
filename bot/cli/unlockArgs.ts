import { extractRenewalId } from '../../services/contracts/index.js';

export type UnlockCommand =
  | { action: 'unlock'; renewalId: string; userKey?: string }
  | { action: 'status'; renewalId: string }
  | { action: 'error'; message: string };

const USAGE = 'usage: npm run -s unlock -- RNW-20481137 [--user <channel>:<user id>] | --status RNW-20481137';

/**
 * Reads `npm run unlock`'s arguments: a renewal ID to unlock (and optionally one user, as
 * `channel:userId`, e.g. `webchat:dl_abc`), or `--status <ID>` to see its failures.
 *
 * @example
 * parseUnlockArgs(['RNW-20481137', '--user', 'msteams:29:1abc']); // { action: 'unlock', renewalId: 'RNW-20481137', userKey: 'msteams:29:1abc' }
 */
export function parseUnlockArgs(args: string[]): UnlockCommand {
  const status = args[0] === '--status';
  const rest = status ? args.slice(1) : args;
  const renewalId = rest[0] === undefined ? undefined : extractRenewalId(rest[0]);
  if (!renewalId) return { action: 'error', message: `${rest[0] === undefined ? 'a renewal ID is required' : `not a renewal ID: ${JSON.stringify(rest[0])}`}; ${USAGE}` };
  if (status) return rest.length === 1 ? { action: 'status', renewalId } : { action: 'error', message: USAGE };
  if (rest.length === 1) return { action: 'unlock', renewalId };
  const userKey = rest[1] === '--user' ? rest[2]?.trim() : undefined;
  if (rest.length !== 3 || !userKey || !/^[^:\s]+:\S+$/.test(userKey)) return { action: 'error', message: USAGE };
  return { action: 'unlock', renewalId, userKey };
}
