import type { Request, Response, Server } from 'restify';
import type { HandoffService } from '../../services/handoff/index.js';
import type { AgentDirectory } from './agentDirectory.js';
import { agentOf } from './agentIdentity.js';
import { AGENT_API } from './agentApi.js';

/** Other instances change cases too: the desk is told to look again this often. */
const REFRESH_MS = 10_000;

/**
 * `GET /api/agent/events`: server-sent events for the desk. `case` with `{ id, status }` when a
 * case changes on this instance, `refresh` every 10 s (changes made by other instances).
 * Returns a function that ends every open stream (server shutdown).
 */
export function registerCaseEvents(server: Server, options: { handoff: HandoffService; agents: AgentDirectory }): () => void {
  const streams = new Set<Response>();
  server.get(`${AGENT_API}/events`, async (req: Request, res: Response) => {
    if (!agentOf(req, options.agents)) {
      res.send(401, { error: { code: 'unauthorized', message: 'Sign in to the desk first.' } });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const stop = options.handoff.onChange((c) => {
      res.write(`event: case\ndata: ${JSON.stringify({ id: c.id, status: c.status })}\n\n`);
    });
    // A stream outlives neither its session (signed out, idle, token changed) nor its agent.
    const timer = setInterval(() => {
      if (agentOf(req, options.agents)) res.write('event: refresh\ndata: {}\n\n');
      else res.end();
    }, REFRESH_MS);
    timer.unref();
    req.once('close', () => {
      stop();
      clearInterval(timer);
      streams.delete(res);
    });
  });
  return () => {
    for (const res of streams) res.end();
    streams.clear();
  };
}
