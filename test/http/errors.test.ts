import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'restify';
import { DIRECT_LINE_ERROR_CODES, sendError } from '../../bot/http/directLine/errors.js';
import { createServer, listen } from '../../bot/http/server.js';
import { createLogger } from '../../bot/logger.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer({ logger: createLogger('silent'), messages: { process: async () => undefined } });
  server.get('/too-big', async (_req, res) => sendError(res, 413, 'MessageSizeTooBig', 'activity.text is longer than 10000 characters'));
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});

afterAll(() => {
  server.close();
});

describe('the Direct Line error codes', () => {
  it('are unique', () => {
    expect(new Set(DIRECT_LINE_ERROR_CODES).size).toBe(DIRECT_LINE_ERROR_CODES.length);
  });

  it('are answered in Direct Line\'s own shape, which Web Chat reads: { error: { code, message } }', async () => {
    const res = await fetch(`${base}/too-big`);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ error: { code: 'MessageSizeTooBig', message: 'activity.text is longer than 10000 characters' } });
  });
});
