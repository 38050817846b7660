import type { z } from 'zod';
import { ContractApiError } from './contractApiError.js';
import { formatIssues } from '../../knowledge/validation/formatIssues.js';

export interface ContractApiClientOptions {
  /** The API root, e.g. `https://contracts.example.com/api/v1` (no trailing slash needed). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`; never written into an error. */
  token: string;
  /** Time limit of one attempt, body included. @default 5000 */
  timeoutMs?: number;
  /** Extra attempts after a 5xx, a network error or a time-out (never after a 4xx). @default 2 */
  retries?: number;
  /** Wait before the first retry; doubles for each next one. @default 250 */
  backoffMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** How to wait between attempts; tests hand in one that does not wait. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  /** The same operation with IDs masked, for error messages. */
  label: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  /** Parsed JSON for 2xx answers; undefined otherwise. */
  json: unknown;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' ? `network error (${code})` : `network error (${error.name})`;
}

/**
 * The transport under HttpContractService: bearer token, JSON, a time limit per attempt,
 * retries with exponential back-off on 5xx, network errors and time-outs (never on 4xx), and
 * errors whose messages use the call's masked label, never the token or the body.
 *
 * @example
 * const api = new ContractApiClient({ baseUrl, token });
 * const answer = await api.send({ method: 'GET', path: '/contracts/RNW-20481137', label: 'GET /contracts/RNW-****1137' });
 */
export class ContractApiClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetch: typeof globalThis.fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: ContractApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.retries = Math.max(0, options.retries ?? 2);
    this.backoffMs = options.backoffMs ?? 250;
    // Looked up at call time, so a fetch patched later (nock in tests) is the one used.
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Sends the call, retrying 5xx, network errors and time-outs; returns the first other answer. */
  async send(call: Call): Promise<Answer> {
    let failure = new ContractApiError('unavailable', `${call.label}: not attempted`);
    for (let attempt = 0; attempt <= this.retries; attempt += 1) {
      if (attempt > 0) await this.sleep(this.backoffMs * 2 ** (attempt - 1));
      const outcome = await this.attempt(call, attempt + 1);
      if (!(outcome instanceof ContractApiError)) return outcome;
      failure = outcome;
    }
    throw failure;
  }

  /** One attempt: an Answer, or the retryable error it ran into. Non-retryable errors are thrown. */
  private async attempt(call: Call, number: number): Promise<Answer | ContractApiError> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const attempts = `${number} attempt${number > 1 ? 's' : ''}`;
    try {
      const response = await this.fetch(`${this.baseUrl}${call.path}`, {
        method: call.method,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${this.token}`,
          ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...call.headers,
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        // A redirect is answered as an error rather than followed with the token.
        redirect: 'manual',
        signal,
      });
      if (response.status >= 500) {
        await response.body?.cancel();
        return new ContractApiError('unavailable', `${call.label}: HTTP ${response.status} after ${attempts}`, response.status);
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel();
        return { status: response.status, json: undefined };
      }
      const text = await response.text();
      try {
        return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
      } catch {
        throw new ContractApiError('bad-response', `${call.label}: answer is not JSON`, response.status);
      }
    } catch (error) {
      if (error instanceof ContractApiError) throw error;
      if (signal.aborted) {
        return new ContractApiError('timeout', `${call.label}: no answer within ${this.timeoutMs} ms after ${attempts}`);
      }
      return new ContractApiError('unavailable', `${call.label}: ${networkReason(error)} after ${attempts}`);
    }
  }

  /** Throws the ContractApiError matching a non-2xx answer. */
  expectSuccess(call: Call, answer: Answer): void {
    const { status } = answer;
    if (status >= 200 && status < 300) return;
    if (status === 401 || status === 403) {
      throw new ContractApiError('unauthorized', `${call.label}: HTTP ${status}, the API token was refused`, status);
    }
    if (status === 404) throw new ContractApiError('not-found', `${call.label}: HTTP 404`, status);
    if (status === 409) throw new ContractApiError('conflict', `${call.label}: HTTP 409`, status);
    if (status >= 400) throw new ContractApiError('bad-request', `${call.label}: HTTP ${status}`, status);
    throw new ContractApiError('bad-response', `${call.label}: unexpected HTTP ${status}`, status);
  }

  /** The answer's JSON checked against `schema`; a mismatch is a `bad-response`. */
  validate<T>(call: Call, schema: z.ZodType<T>, json: unknown): T {
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    const where = formatIssues(result.error, { root: '(body)', max: 5 });
    throw new ContractApiError('bad-response', `${call.label}: answer does not match the expected schema (${where})`);
  }
}
