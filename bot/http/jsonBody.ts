import type { Next, Request, RequestHandler, Response } from 'restify';

export interface JsonBodyOptions {
  /** Largest body in bytes, as received (no compression is accepted, so also as parsed). */
  maxBytes: number;
  /** Deepest nesting of objects and arrays accepted. */
  maxDepth: number;
}

/** Why a body was refused: the status and a sentence for whoever sent it. */
export interface BodyRefusal {
  status: 400 | 413 | 415;
  message: string;
}

/**
 * Reads every request body as JSON, in place of restify's body parser. Restify inflates gzip
 * and deflate bodies with a zlib stream whose errors it does not handle (a 5-byte bogus gzip
 * body killed the process) and applies its size limit before inflating; the Bot Framework
 * channels never compress what they post, so any Content-Encoding other than identity is
 * refused before a byte is read. The limit applies to what is parsed, and so does a cap on
 * nesting depth (objects nested 10,000 deep made botbuilder fail with a 500).
 *
 * `send` answers in the route's own error shape.
 */
export function jsonBody(options: JsonBodyOptions, send: (req: Request, res: Response, refusal: BodyRefusal) => void): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    const refuse = (refusal: BodyRefusal) => {
      res.header('Connection', 'close');
      send(req, res, refusal);
      next(false);
    };
    const encoding = (req.header('content-encoding') ?? '').trim().toLowerCase();
    if (encoding !== '' && encoding !== 'identity') {
      return refuse({ status: 415, message: `Content-Encoding "${encoding.slice(0, 40)}" is not accepted: send the body uncompressed.` });
    }
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const declared = Number(req.header('content-length') ?? '0');
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      return refuse({ status: 413, message: `The body is larger than ${options.maxBytes} bytes.` });
    }
    readBody(req, options.maxBytes).then(
      (raw) => {
        const parsed = parseJson(raw, options.maxDepth);
        if ('refusal' in parsed) return refuse(parsed.refusal);
        req.body = parsed.value;
        next();
      },
      (error: unknown) => {
        if (error instanceof BodyTooLarge) return refuse({ status: 413, message: `The body is larger than ${options.maxBytes} bytes.` });
        // The client went away while sending: there is nobody to answer.
        next(false);
      },
    );
  };
}

class BodyTooLarge extends Error {}

/** The body's bytes, at most `maxBytes`; rejects as soon as more arrive or the stream fails. */
function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (error) {
        // Keep an error listener: a late socket error must not become an uncaught exception.
        req.on('error', () => undefined);
        req.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) done(new BodyTooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = (error: Error) => done(error);
    const onAborted = () => done(new Error('request aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/**
 * Parses a body as JSON after checking how deeply it nests; an empty body is `undefined`.
 *
 * @example
 * parseJson(Buffer.from('{"a":[1]}'), 32) // { value: { a: [1] } }
 * parseJson(Buffer.from('[[[]]]'), 2) // { refusal: { status: 400, message: 'The JSON body nests deeper than 2 levels.' } }
 */
export function parseJson(raw: Buffer, maxDepth: number): { value: unknown } | { refusal: BodyRefusal } {
  const text = raw.toString('utf8');
  if (text.trim() === '') return { value: undefined };
  if (depthOf(text) > maxDepth) return { refusal: { status: 400, message: `The JSON body nests deeper than ${maxDepth} levels.` } };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { refusal: { status: 400, message: 'The body is not valid JSON.' } };
  }
}

/** The deepest nesting of `{` and `[` in a JSON text, brackets inside strings ignored. */
export function depthOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}
