/** Small helpers for local processes: free ports and waiting until a service answers. */
import { createServer } from 'node:net';

/** Resolves true when nothing listens on the port (on 127.0.0.1 and all interfaces). */
export function isPortFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * Ports below the kernel's range for outgoing connections (32768 and up on Linux): a port
 * the OS hands out with `listen(0)` comes from that range, and between our closing it and
 * a service binding it, any outgoing connection (a browser, a database client) may take it.
 */
const QUIET_PORTS = { from: 20_000, to: 32_000 };
/**
 * Each test worker (vitest numbers them from 1) draws from a share of its own, so two
 * workers never pick the same port in the moment between checking it and binding it.
 */
const SHARES = 8;
const share = Number(process.env.VITEST_POOL_ID ?? 0) % SHARES;
const SHARE_SIZE = Math.floor((QUIET_PORTS.to - QUIET_PORTS.from) / SHARES);
const given = new Set<number>();

/**
 * A port free right now that this process has not handed out before (for tests and
 * benchmarks), from outside the range outgoing connections use, so that it stays free
 * until the service it is for binds it; the OS's choice only if none of those is free.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = QUIET_PORTS.from + share * SHARE_SIZE + Math.floor(Math.random() * SHARE_SIZE);
    if (given.has(port)) continue;
    if ((await isPortFree(port, '127.0.0.1')) && (await isPortFree(port))) {
      given.add(port);
      return port;
    }
  }
  return osPort();
}

function osPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it resolves true, or throws after `timeoutMs` with `what` in the message. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}
