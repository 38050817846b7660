import { deflateSync, gzipSync } from 'node:zlib';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same requests. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** One request to send: everything a client controls. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** A Direct Line session the fuzzer may use (valid token), or not. */
export interface FuzzSession {
  token: string;
  conversationId: string;
  userId: string;
  userSignature: string;
}

/** Texts known to break parsers and renderers ("naughty strings"), and the bot's own vocabulary. */
const TEXTS = [
  '', ' ', 'hello', 'bonjour', 'quel est le statut de mon contrat ?', 'I want to renew RNW-20481137', 'RNW-20481137', 'CRT-774310452',
  'next', 'suivant', 'back', 'retour', 'stop', 'where was I?', 'agent', 'help', 'aide', 'english', 'français',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{constructor.constructor("return 1")()}}', '${process.exit()}',
  '\u0000\u0001\u0002', '\ud800', '\u202e\u0644\u0627', '𝕳𝖊𝖑𝖑𝖔', '👩‍👩‍👧‍👦'.repeat(50), 'Ω≈ç√∫', '١٢٣', 'null', 'undefined', 'NaN',
  '__proto__', 'constructor', '../../../../etc/passwd', '%s%s%s%n', "'; DROP TABLE state; --", 'RNW-0000000', 'rnw 2048 1137',
];

const STRANGE_VALUES: unknown[] = [false, true, 0, -1, 1e308, 'x', [], {}, [[[]]], { __proto__: { polluted: true } }, { constructor: { prototype: {} } }];

export const ROUTES = [
  ['GET', '/healthz'], ['GET', '/'], ['GET', '/embed.js'], ['GET', '/webchat/strings.json'], ['GET', '/webchat/chat.js'], ['GET', '/webchat/webchat.js'],
  ['GET', '/nope'], ['POST', '/api/messages'], ['GET', '/api/messages'], ['POST', '/api/directline/token'], ['OPTIONS', '/api/directline/token'],
  ['POST', '/v3/directline/tokens/generate'], ['POST', '/v3/directline/tokens/refresh'], ['POST', '/v3/directline/conversations'],
  ['GET', '/v3/directline/conversations/:id'], ['POST', '/v3/directline/conversations/:id/activities'], ['GET', '/v3/directline/conversations/:id/activities'],
  ['OPTIONS', '/v3/directline/conversations'], ['POST', '/v3/conversations/:id/activities'], ['POST', '/v3/conversations/:id/activities/:activityId'],
  ['PUT', '/v3/conversations/:id/activities/:activityId'], ['POST', '/api/notify'],
] as const;

/**
 * Makes random and hostile requests to every route: valid and invalid JSON, deep nesting,
 * big fields, strange encodings and headers, forged tokens, activity shapes and card submits.
 */
export class RequestFuzzer {
  constructor(
    private readonly random: Random,
    private readonly port: number,
  ) {}

  request(sessions: readonly FuzzSession[], conversationIds: readonly string[]): FuzzRequest {
    const r = this.random;
    const [method, template] = r.pick(ROUTES);
    const session = sessions.length > 0 && r.chance(0.8) ? r.pick(sessions) : undefined;
    const conversationId = session && r.chance(0.8) ? session.conversationId : r.pick([...conversationIds, 'nope', '', '..%2f..', 'x'.repeat(300)]);
    const path = template
      .replace(':id', encodeURIComponent(conversationId) || 'x')
      .replace(':activityId', r.chance(0.5) ? `${conversationId}|0000001` : 'unknown') + (r.chance(0.2) ? this.query() : '');
    const headers: Record<string, string> = {};
    if (session && r.chance(0.8)) headers.authorization = `Bearer ${session.token}`;
    else if (r.chance(0.3)) headers.authorization = r.pick(['Bearer x', 'Bearer a.b.c', 'Basic Zm9vOmJhcg==', `Bearer ${'A'.repeat(5000)}`, 'Bearer ']);
    if (r.chance(0.3)) headers.origin = r.pick([`http://127.0.0.1:${this.port}`, 'https://evil.example.net', 'null', `http://rebind.example:${this.port}`, 'garbage']);
    if (r.chance(0.05)) headers.host = r.pick([`rebind.example:${this.port}`, 'localhost', '[::1]']);
    if (r.chance(0.1)) headers['x-forwarded-proto'] = r.pick(['https', 'gopher']);
    headers['content-type'] = r.chance(0.85) ? 'application/json' : r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', '']);
    if (method === 'GET' || method === 'OPTIONS') {
      if (r.chance(0.05)) headers['content-encoding'] = 'gzip';
      return { method, path, headers };
    }
    let body = this.body(template, session);
    if (r.chance(0.08)) {
      const encoding = r.pick(['gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'x-unknown']);
      headers['content-encoding'] = encoding;
      if (encoding === 'gzip' && r.chance(0.5)) body = gzipSync(body).subarray(0, r.chance(0.5) ? undefined : 8);
      else if (encoding === 'deflate' && r.chance(0.5)) body = deflateSync(body);
    }
    return { method, path, headers, body };
  }

  private query(): string {
    return this.random.pick(['?watermark=1', '?watermark=-1', '?watermark=abc', '?watermark=99999999999999999999', '?watermark[]=1', '?a=%ZZ', `?${'a=1&'.repeat(500)}`]);
  }

  private body(template: string, session: FuzzSession | undefined): Buffer {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.05) return Buffer.from(r.pick(['{not json', '[', '"', '{"a":1}}', '\u0000', '{"type":"message",}']));
    if (roll < 0.08) return Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]);
    if (roll < 0.11) return Buffer.from(`${'['.repeat(5000 + r.int(10000))}${']'.repeat(5000)}`);
    if (roll < 0.13) return Buffer.alloc(200_000 + r.int(200_000), 0x20);
    if (roll < 0.16) return Buffer.from(JSON.stringify(this.strange(0)));
    const value = template === '/api/messages' ? this.botActivity()
      : template.includes('/directline/') && template.endsWith('/activities') ? this.clientActivity()
      : template.startsWith('/v3/conversations/') ? this.botReply()
      : template === '/api/notify' ? this.notify()
      : template === '/v3/directline/tokens/generate' || template === '/api/directline/token' ? this.tokenRequest(session)
      : { user: { id: r.pick(['dl_x', 'x', '']) }, locale: r.pick(['fr-FR', 'en', 'xx-invalid-!!', '']) };
    return Buffer.from(JSON.stringify(value));
  }

  private text(): string {
    const r = this.random;
    if (r.chance(0.05)) return 'a'.repeat(r.pick([20_000, 20_001, 100_000]));
    return r.pick(TEXTS);
  }

  private strange(depth: number): unknown {
    const r = this.random;
    if (depth > 4 || r.chance(0.4)) return r.chance(0.1) ? null : r.pick(STRANGE_VALUES);
    if (r.chance(0.5)) return Array.from({ length: r.int(4) }, () => this.strange(depth + 1));
    return Object.fromEntries(Array.from({ length: r.int(4) }, (_, i) => [r.pick(['type', 'text', 'from', 'id', '__proto__', `k${i}`]), this.strange(depth + 1)]));
  }

  private cardSubmit(): unknown {
    return this.random.pick<unknown>([{ action: 'next' }, { action: 'back' }, { renewalId: 'RNW-20481137' }, { proof: 'CRT-774310452' }, 'next', 42, false, { a: { b: { c: [1, 2, { d: 'x'.repeat(1000) }] } } }]);
  }

  private botActivity(): Record<string, unknown> {
    const r = this.random;
    const activity: Record<string, unknown> = {
      type: r.pick(['message', 'message', 'message', 'event', 'typing', 'conversationUpdate', 'invoke', 'installationUpdate', 'messageReaction', '', 'x'.repeat(200)]),
      id: `f-${r.int(1e9)}`,
      text: this.text(),
      channelId: r.pick(['emulator', 'webchat', 'msteams', 'directline', 'x']),
      serviceUrl: r.pick(['http://127.0.0.1:1', 'http://localhost:1', 'http://[::1]:1', 'http://169.254.169.254/', 'https://smba.trafficmanager.net/emea/', 'file:///etc/passwd', '']),
      deliveryMode: r.chance(0.85) ? 'expectReplies' : 'normal',
      from: { id: r.chance(0.9) ? `fuzz-user-${r.int(50)}` : 'u'.repeat(r.pick([0, 513, 10_000])), name: r.chance(0.1) ? 'n'.repeat(300) : 'Fuzz', padding: r.chance(0.1) ? 'p'.repeat(100_000) : undefined },
      recipient: { id: 'bot' },
      conversation: { id: `fuzz-conv-${r.int(200)}`, tenantId: r.chance(0.2) ? '3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43' : undefined, isGroup: r.chance(0.1) },
      locale: r.chance(0.15) ? undefined : r.pick(['fr-FR', 'en-US', 'de', '', 'x'.repeat(40)]),
    };
    if (r.chance(0.2)) activity.value = this.cardSubmit();
    if (r.chance(0.1)) activity.name = r.pick(['setLanguage', 'x']);
    if (r.chance(0.1)) activity.membersAdded = [{ id: 'u' }, { id: 'bot' }];
    if (r.chance(0.1)) activity.attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: this.strange(0) }];
    if (r.chance(0.05)) activity.channelData = { tenant: { id: 'x' }, padding: 'x'.repeat(50_000) };
    if (r.chance(0.05)) delete activity[r.pick(['type', 'from', 'conversation', 'serviceUrl'])];
    return activity;
  }

  private clientActivity(): Record<string, unknown> {
    const r = this.random;
    const activity: Record<string, unknown> = {
      type: r.pick(['message', 'message', 'event', 'typing', 'conversationUpdate', '']),
      text: this.text(),
      from: { id: 'someone-else', name: r.chance(0.1) ? 'x'.repeat(200) : 'Me', role: 'bot' },
      locale: r.chance(0.2) ? undefined : r.pick(['fr-FR', 'en-US', 'zz-!!']),
      channelData: r.chance(0.1) ? { padding: 'x'.repeat(r.pick([1000, 70_000])) } : { clientActivityID: `c${r.int(1e6)}` },
    };
    if (r.chance(0.2)) activity.value = this.cardSubmit();
    if (r.chance(0.1)) activity.name = 'setLanguage';
    if (r.chance(0.05)) activity.invented = 'x'.repeat(10_000);
    if (r.chance(0.05)) activity.attachments = Array.from({ length: r.int(15) }, () => ({ contentType: 'image/png', contentUrl: 'javascript:alert(1)' }));
    return activity;
  }

  private botReply(): Record<string, unknown> {
    const r = this.random;
    return { type: r.pick(['message', 'typing', '', 'event']), text: this.text(), from: { id: 'bot', padding: r.chance(0.1) ? 'x'.repeat(50_000) : undefined }, replyToId: r.chance(0.5) ? 'x' : undefined };
  }

  private notify(): Record<string, unknown> {
    const r = this.random;
    return r.pick([
      { conversationId: `fuzz-conv-${r.int(200)}`, text: this.text() },
      { conversationId: `fuzz-conv-${r.int(200)}`, reminder: r.pick(['renewalDue', 'other']) },
      { conversationId: '', text: 'x' },
      { text: 'x', extra: 1 },
    ]);
  }

  private tokenRequest(session: FuzzSession | undefined): Record<string, unknown> {
    const r = this.random;
    if (session && r.chance(0.5)) return { userId: session.userId, userSignature: session.userSignature, user: { id: session.userId } };
    return { userId: r.pick(['dl_x', 'x'.repeat(200), '']), userSignature: r.pick(['forged', '']), user: { id: r.pick(['dl_someone', 'nope']) } };
  }
}
