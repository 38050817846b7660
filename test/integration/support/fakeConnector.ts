import { createServer, type Server } from 'node:http';

/** A channel's Bot Connector on loopback: records the texts the bot posts to a conversation outside a turn. */
export interface FakeConnector {
  url: string;
  texts: string[];
  close(): void;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const texts: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    req.on('end', () => {
      const parsed: unknown = body ? JSON.parse(body) : {};
      if (typeof parsed === 'object' && parsed !== null && 'text' in parsed && typeof parsed.text === 'string') texts.push(parsed.text);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `a${texts.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, texts, close: () => server.close() };
}
