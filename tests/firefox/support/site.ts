/**
 * The production build, served on a port of its own for the Firefox suite: started by the suite and
 * stopped when it ends. The build itself is made before (`npm run build`, or `npm run test:e2e`).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The site, running: its origin, and how to stop it. */
export interface Site {
  origin: string;
  close(): Promise<void>;
}

/** Fails when something already listens on `port`: the suite must test its own server, not another. */
async function expectFreePort(port: number): Promise<void> {
  const probe = createServer();
  probe.listen(port, 'localhost');
  try {
    await once(probe, 'listening');
  } catch (error) {
    throw new Error(`port ${port} is taken; set FIREFOX_PORT to a free one (${(error as Error).message})`);
  }
  probe.close();
  await once(probe, 'close');
}

/** Starts `next start` on `port` and waits until it answers `/`, or fails with what the server said. */
export async function startSite(port: number, deadline = 60_000): Promise<Site> {
  await expectFreePort(port);
  const origin = `http://localhost:${port}`;
  const server = spawn(process.execPath, ['scripts/next.mjs', 'start', '-p', String(port)], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = once(server, 'exit');

  const close = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill('SIGTERM');
    await exited;
  };

  const until = Date.now() + deadline;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(
        `the server stopped before answering (exit ${server.exitCode}); is there a production build (npm run build)?\n${output.trim()}`,
      );
    try {
      const response = await fetch(origin);
      if (response.ok) return { origin, close };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) {
      await close();
      throw new Error(`the server did not answer ${origin} within ${deadline / 1000} s:\n${output.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
