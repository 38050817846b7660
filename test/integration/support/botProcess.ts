import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { projectRoot } from '../../../bot/paths.js';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Builds dist/ if the sources changed (the real process runs the compiled bot). */
export function buildIfNeeded(): void {
  const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: projectRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

export interface BotProcess {
  child: ChildProcess;
  base: string;
  port: number;
  /** Standard error so far (the JSON log lines). */
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Starts `node dist/bot/index.js` with the given environment on a free port and waits for /healthz. */
export async function startBot(env: Record<string, string>, children: ChildProcess[]): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--max-old-space-size=128', 'dist/bot/index.js'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', STORAGE: 'memory', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`the bot exited at start-up: ${stderr}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base, port, stderr: () => stderr, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the bot did not start in 15 s: ${stderr}`);
}

/** Whether the process is still running. */
export function alive(bot: BotProcess): boolean {
  return bot.child.exitCode === null && bot.child.signalCode === null;
}
