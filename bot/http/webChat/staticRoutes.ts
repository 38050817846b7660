import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { fromRoot } from '../../paths.js';

/** One file the server hands out as it is. */
interface Asset {
  file: string;
  type: string;
  cacheControl: string;
  /** Extra headers (the page's Content-Security-Policy). */
  headers?: Record<string, string>;
}

export interface StaticRoutesOptions {
  /** The Content-Security-Policy of the support page. */
  pageCsp: string;
  /** The page strings in both languages, served as /webchat/strings.json. */
  strings: Record<string, Record<string, string>>;
  /** @default the project's web/ folder */
  webRoot?: string;
}

/**
 * The support page and what it loads, from a fixed list (no path from the URL ever reaches
 * the file system): `/` (web/index.html), `/embed.js`, `/webchat/*` (our scripts and styles,
 * the page strings, and Web Chat's own bundle from node_modules — no CDN).
 */
export function registerStaticRoutes(server: Server, options: StaticRoutesOptions): void {
  const web = options.webRoot ?? fromRoot('web');
  const ours = 'no-cache';
  const assets: Record<string, Asset> = {
    '/': { file: path.join(web, 'index.html'), type: 'text/html; charset=utf-8', cacheControl: ours, headers: { 'Content-Security-Policy': options.pageCsp } },
    '/embed.js': { file: path.join(web, 'embed.js'), type: 'text/javascript; charset=utf-8', cacheControl: ours },
    '/webchat/chat.js': { file: path.join(web, 'chat.js'), type: 'text/javascript; charset=utf-8', cacheControl: ours },
    '/webchat/page.js': { file: path.join(web, 'page.js'), type: 'text/javascript; charset=utf-8', cacheControl: ours },
    '/webchat/chat.css': { file: path.join(web, 'chat.css'), type: 'text/css; charset=utf-8', cacheControl: ours },
    '/webchat/page.css': { file: path.join(web, 'page.css'), type: 'text/css; charset=utf-8', cacheControl: ours },
    '/webchat/webchat.js': { file: webChatBundle(), type: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=86400' },
  };
  const cache = new Map<string, { plain: Buffer; gzip: Buffer }>();
  const contentOf = (file: string) => {
    let content = cache.get(file);
    if (!content) {
      const plain = readFileSync(file);
      content = { plain, gzip: gzipSync(plain) };
      cache.set(file, content);
    }
    return content;
  };

  for (const [route, asset] of Object.entries(assets)) {
    server.get(route, async (req: Request, res: Response) => {
      const content = contentOf(asset.file);
      const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
      res.writeHead(200, {
        'Content-Type': asset.type,
        'Cache-Control': asset.cacheControl,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
        ...asset.headers,
      });
      res.end(gzip ? content.gzip : content.plain);
    });
  }

  const strings = JSON.stringify(options.strings);
  server.get('/webchat/strings.json', async (_req: Request, res: Response) => {
    // Public texts, read by chat.js on the pages where the chat is embedded.
    res.header('Access-Control-Allow-Origin', '*');
    res.header('Cache-Control', 'no-cache');
    res.header('Content-Type', 'application/json; charset=utf-8');
    res.end(strings);
  });
}

/** Web Chat's full UMD bundle (dist/webchat.js), wherever npm put the package. */
export function webChatBundle(): string {
  const main = createRequire(import.meta.url).resolve('botframework-webchat');
  return path.join(path.dirname(main), '..', 'dist', 'webchat.js');
}
