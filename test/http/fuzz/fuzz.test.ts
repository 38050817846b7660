import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BotApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { listen } from '../../../bot/http/server.js';
import { createLogger } from '../../../bot/logger.js';
import { heapAfterGc } from '../../support/heap.js';
import { chatToken, json, type ChatSession } from '../directLineClient.js';
import { Random, RequestFuzzer, ROUTES, type FuzzRequest, type FuzzSession } from './requestFuzzer.js';

const SEED = 20261130;
const REQUESTS = 5000;
const CONCURRENCY = 8;
/** The whole run must end within this (it takes ~20 s on a busy 2-core machine). */
const TIME_LIMIT_MS = 150_000;

/** 5xx answers that are part of a route's contract: /api/notify says 502 when the conversation cannot be reached. */
function fiveHundredByDesign(req: FuzzRequest, status: number): boolean {
  return req.path.startsWith('/api/notify') && status === 502;
}


const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-'));
let app: BotApp;
let port: number;
let base: string;

beforeAll(async () => {
  app = createApp(loadConfig({ STORAGE: 'sqlite', STORAGE_FILE: path.join(dir, 'state.sqlite'), TOKEN_RATE_LIMIT_PER_MINUTE: '100', LOG_LEVEL: 'silent' }), createLogger('silent'));
  port = await listen(app.server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  app.server.close();
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

function send(req: FuzzRequest): Promise<number | 'socket error'> {
  return new Promise((resolve) => {
    const headers = { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
    const outgoing = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve('socket error'));
    });
    // A refused body may be answered before it is all sent; the server then closes: that is fine.
    outgoing.on('error', () => resolve('socket error'));
    outgoing.end(req.body);
  });
}

async function openSession(locale: string): Promise<FuzzSession> {
  const session = await json<ChatSession>(await chatToken(base));
  await fetch(`${session.domain}/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ locale }),
  });
  return session;
}

describe(`${REQUESTS} random and hostile requests to every route (seed ${SEED})`, () => {
  it('get no 5xx except by design, leave the server up, and leave memory where it was', async () => {
    const started = Date.now();
    const fuzzer = new RequestFuzzer(new Random(SEED), port);
    const sessions = [await openSession('fr-FR'), await openSession('en-US'), await openSession('fr-CA')];
    const conversationIds = sessions.map((s) => s.conversationId);
    const run = async (count: number) => {
      const failures: string[] = [];
      const routesHit = new Set<string>();
      let next = 0;
      const worker = async () => {
        while (next < count && Date.now() - started < TIME_LIMIT_MS) {
          next += 1;
          const req = fuzzer.request(sessions, conversationIds);
          routesHit.add(`${req.method} ${req.path.replace(/\?.*$/, '')}`);
          const status = await send(req);
          if (typeof status === 'number' && status >= 500 && !fiveHundredByDesign(req, status)) failures.push(`${req.method} ${req.path.slice(0, 120)} -> ${status}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return { failures, routesHit, sent: next };
    };

    // Warm-up: modules, caches, the first conversations; then the level memory must come back to.
    await run(300);
    const baseline = heapAfterGc();
    const { failures, routesHit, sent } = await run(REQUESTS);
    expect(sent, `only ${sent} requests in ${TIME_LIMIT_MS} ms`).toBeGreaterThanOrEqual(REQUESTS);
    expect(failures).toEqual([]);
    for (const [method, template] of ROUTES) {
      const pattern = new RegExp(`^${method} ${template.replace(/:\w+/g, '[^/]*').replace(/\//g, '\\/')}$`);
      expect([...routesHit].some((hit) => pattern.test(hit)), `${method} ${template} was never requested`).toBe(true);
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const after = heapAfterGc();
    // What stays on purpose is bounded: transcripts (16 MB budget), compact references, caches.
    expect((after - baseline) / 1e6, `heap grew from ${Math.round(baseline / 1e6)} MB to ${Math.round(after / 1e6)} MB`).toBeLessThan(24);
  }, TIME_LIMIT_MS + 30_000);
});
