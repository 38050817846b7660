import type { Request, Response } from 'restify';

/** The headers Web Chat's Direct Line client (and the RxJS ajax under it) sends. */
const DIRECT_LINE_HEADERS = 'Content-Type, Authorization, x-ms-bot-agent, x-requested-with';

export type OriginCheck = { ok: true; crossOrigin?: string } | { ok: false; origin: string };

/**
 * Which web pages may use the chat endpoints: the bot's own pages reached at localhost or an IP
 * address, and the origins the site owner lists in ALLOWED_ORIGINS (where the chat is embedded,
 * and the bot's own public address). A request without an Origin
 * header does not come from a page's script and is let through (rate limits still apply).
 */
export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[]) {
    this.allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  }

  check(req: Request): OriginCheck {
    const origin = req.header('origin');
    if (!origin) return { ok: true };
    if (isSameOrigin(origin, req.header('host'))) return { ok: true };
    if (this.allowed.has(origin.toLowerCase())) return { ok: true, crossOrigin: origin };
    return { ok: false, origin };
  }

  /** Adds the CORS headers a cross-origin caller needs to read the answer. */
  allowCrossOrigin(res: Response, check: OriginCheck, methods: string, headers = DIRECT_LINE_HEADERS): void {
    if (!check.ok || !check.crossOrigin) return;
    res.header('Access-Control-Allow-Origin', check.crossOrigin);
    res.header('Access-Control-Allow-Methods', methods);
    res.header('Access-Control-Allow-Headers', headers);
    res.header('Access-Control-Max-Age', '600');
    res.header('Vary', 'Origin');
  }
}

/**
 * Whether a page at `origin` is served by this server (same host and port as it was asked
 * for), judged from the Host header only when its name cannot be rebound: `localhost` or an IP
 * address. A page on a domain name that an attacker re-points to this machine (DNS rebinding)
 * sends matching Origin and Host headers; the bot's own public name must be in ALLOWED_ORIGINS.
 */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(origin);
    return url.host.toLowerCase() === host.toLowerCase() && isUnrebindable(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

function isUnrebindable(hostname: string): boolean {
  return hostname === 'localhost' || hostname.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}
