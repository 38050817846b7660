/**
 * Where the bot may send replies (the `serviceUrl` of an activity, called with a POST). In
 * production every activity is authenticated by the Bot Framework and its serviceUrl is the
 * channel's; in local mode nothing is authenticated, so only this machine may be called: the
 * Bot Framework Emulator or the embedded Direct Line endpoint. Anything else would let a
 * stranger make the bot POST to any URL (SSRF).
 */
export class ServiceUrlPolicy {
  /**
   * @param authRequired production mode: the adapter authenticates every activity.
   * @param selfAddresses where else this bot answers (HOST other than loopback), as `host:port`:
   *   the embedded Direct Line tells the bot to reply to the address the browser reached.
   */
  constructor(
    private readonly authRequired: boolean,
    private readonly selfAddresses: readonly string[] = [],
  ) {}

  /**
   * Whether a turn may reply to `serviceUrl`. `authenticated`: the activity came with a
   * token the adapter validated (production).
   *
   * @example
   * new ServiceUrlPolicy(false).allows('http://[::1]:3978', false) // true
   * new ServiceUrlPolicy(false).allows('http://169.254.169.254/', false) // false
   */
  allows(serviceUrl: string | undefined, authenticated: boolean): boolean {
    if (this.authRequired) return authenticated;
    if (serviceUrl === undefined || serviceUrl === '') return true;
    const url = parse(serviceUrl);
    if (!url) return false;
    const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return isLoopbackHost(host) || this.selfAddresses.includes(`${host}:${port}`);
  }
}

function parse(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    if (parsed.username || parsed.password) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

/**
 * The `host:port` pairs at which a bot listening on `host` (the HOST setting) reaches itself:
 * that address, or every address of this machine for 0.0.0.0 and ::.
 *
 * @example
 * selfAddresses('192.168.1.20', 3978, []) // ['192.168.1.20:3978']
 */
export function selfAddresses(host: string | undefined, port: number, interfaceAddresses: readonly string[]): string[] {
  if (!host) return [];
  const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]';
  const hosts = wildcard ? interfaceAddresses : [host.replace(/^\[(.*)\]$/, '$1')];
  return hosts.map((h) => `${h.toLowerCase()}:${port}`);
}

/**
 * Whether a host name (brackets removed) is this machine's loopback: `localhost`, 127.0.0.0/8,
 * `::1` or its IPv4-mapped form.
 */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  // The URL parser writes [::ffff:127.0.0.1] as [::ffff:7f00:1].
  if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)) return true;
  const v4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
