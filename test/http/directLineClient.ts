/** A small Direct Line 3.0 client over fetch, for tests of the embedded endpoint. */

export interface ActivityJson {
  type: string;
  id?: string;
  text?: string;
  locale?: string;
  from?: { id?: string; role?: string };
  channelData?: Record<string, unknown>;
  suggestedActions?: { actions?: Array<{ title?: string; value?: unknown }> };
  [key: string]: unknown;
}

export interface ChatSession {
  token: string;
  conversationId: string;
  userId: string;
  userSignature: string;
  domain: string;
  webSocket: boolean;
  expires_in: number;
}

export async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** POST /api/directline/token, as the page does. */
export async function chatToken(base: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export class DirectLineTestClient {
  watermark = '';

  constructor(readonly session: ChatSession) {}

  static async open(base: string, locale = 'fr-FR'): Promise<DirectLineTestClient> {
    const res = await chatToken(base);
    if (res.status !== 200) throw new Error(`token: HTTP ${res.status} ${await res.text()}`);
    const client = new DirectLineTestClient(await json<ChatSession>(res));
    const start = await client.call('POST', '/conversations', { user: { id: client.session.userId }, locale });
    if (start.status !== 201) throw new Error(`start: HTTP ${start.status} ${await start.text()}`);
    return client;
  }

  call(method: string, path: string, body?: unknown, token = this.session.token): Promise<Response> {
    return fetch(`${this.session.domain}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async send(text: string, extra: Record<string, unknown> = {}): Promise<Response> {
    return this.call('POST', `/conversations/${this.session.conversationId}/activities`, {
      type: 'message',
      text,
      from: { id: this.session.userId, role: 'user' },
      ...extra,
    });
  }

  /** The activities since the last poll (what Web Chat's polling does). */
  async poll(): Promise<ActivityJson[]> {
    const res = await this.call('GET', `/conversations/${this.session.conversationId}/activities?watermark=${this.watermark}`);
    if (res.status !== 200) throw new Error(`poll: HTTP ${res.status} ${await res.text()}`);
    const set = await json<{ activities: ActivityJson[]; watermark: string }>(res);
    this.watermark = set.watermark;
    return set.activities;
  }

  /** The bot's messages since the last poll. */
  async botMessages(): Promise<ActivityJson[]> {
    return (await this.poll()).filter((a) => a.type === 'message' && a.from?.role === 'bot');
  }
}
