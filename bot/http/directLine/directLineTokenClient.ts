import { z } from 'zod';

/** A token for one conversation, as the Direct Line service hands it out. */
export interface DirectLineToken {
  token: string;
  conversationId: string;
  expires_in: number;
}

/** Where per-user Direct Line tokens come from; tests hand in a fake. */
export interface DirectLineTokenSource {
  generate(userId: string): Promise<DirectLineToken>;
}

/**
 * A failed token exchange. The message says what was called and what came back, never the
 * secret, so it is safe to log.
 */
export class DirectLineTokenError extends Error {
  override readonly name = 'DirectLineTokenError';

  constructor(
    message: string,
    /** The HTTP status the service answered with, when it answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface DirectLineTokenClientOptions {
  secret: string;
  /** Direct Line base URL, ending in /v3/directline. */
  endpoint: string;
  /** @default 5000 */
  timeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

const tokenResponseSchema = z.object({
  token: z.string().min(1),
  conversationId: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/**
 * Exchanges the Direct Line secret for a token bound to one user and one conversation
 * (`POST {endpoint}/tokens/generate`), so the secret stays on the server.
 */
export class DirectLineTokenClient implements DirectLineTokenSource {
  private readonly fetch: typeof globalThis.fetch;

  constructor(private readonly options: DirectLineTokenClientOptions) {
    // Looked up at call time, so a fetch patched later (nock in tests) is the one used.
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async generate(userId: string): Promise<DirectLineToken> {
    const call = 'POST /v3/directline/tokens/generate';
    let response: Response;
    try {
      response = await this.fetch(`${this.options.endpoint}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.secret}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'network error';
      throw new DirectLineTokenError(`${call}: ${reason}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DirectLineTokenError(`${call}: HTTP ${response.status}`, response.status);
    }
    const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new DirectLineTokenError(`${call}: the answer is not a Direct Line token`, response.status);
    return parsed.data;
  }
}
