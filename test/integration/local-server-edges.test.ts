/**
 * The local server's own answers (its 404, 405, 413, 500 and static redirects) carry the
 * same security headers as the handlers' and never send a browser to another host; a
 * broken percent-encoding is answered 400, not 500.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../infra/local/http-server';
import { freePort } from '../../infra/local/ports';

let server: Awaited<ReturnType<typeof startHttpServer>>;
// A site of two folders is all the static answers need: no site build for this file.
const siteDir = mkdtempSync(join(tmpdir(), 'csp-edge-site-'));
for (const folder of ['papers', 'officer']) {
  mkdirSync(join(siteDir, folder));
  writeFileSync(join(siteDir, folder, 'index.html'), '<!doctype html><title>x</title>');
}
const NOT_FOUND_PAGE = '<!doctype html><title>Page not found</title><h1>Page not found</h1>';
writeFileSync(join(siteDir, '404.html'), NOT_FOUND_PAGE);

beforeAll(async () => {
  server = await startHttpServer({
    port: await freePort(),
    siteDir,
    partnershipName: 'Test Partnership',
    // Every route's handler fails to load: the server's own 500 is what is under test.
    loadHandler: async () => {
      throw new Error('handler failed to load');
    },
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(siteDir, { recursive: true, force: true });
});

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

/** A GET with the path sent exactly as written (fetch would normalise `/./` away first). */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((ok, fail) => {
    const req = request(`${server.url}${path}`, { path }, (res) => {
      res.resume();
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** What middy's security headers middleware sets on every handler answer. */
function expectApiSecurityHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(res.headers.get('x-frame-options')).toBe('DENY');
}

describe('answers the local server makes itself', () => {
  it('redirects folder URLs to a path on this site only', async () => {
    for (const [path, location] of [
      ['/.//papers', '/papers/'],
      ['/%2e//officer', '/officer/'],
      ['//papers', '/papers/'],
      ['/\\papers', '/papers/'],
      ['/papers?x=1', '/papers/?x=1'],
    ] as const) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.location, path).toBe(location);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('answers a broken percent-encoding with 400, in the API and on the site', async () => {
    for (const path of ['/api/polls/%E0%A4%A/results', '/api/reports/%E0%A4%A/confirmation']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/wrongly encoded/);
      expectApiSecurityHeaders(res);
    }
    const page = await get('/%E0%A4%A');
    expect(page.status).toBe(400);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it("answers a page that does not exist with the site's own not-found page and 404", async () => {
    // The page itself is checked with axe and the Nu checker as /404.html (test/e2e/site-pages.test.ts).
    for (const path of ['/no-such-page/', '/papers/no-such-paper/']) {
      const missing = await get(path);
      expect(missing.status, path).toBe(404);
      expect(await missing.text(), path).toBe(NOT_FOUND_PAGE);
    }
  });

  it("answers 404 and 405 (with Allow) with the handlers' headers", async () => {
    const missing = await get('/api/nowhere');
    expect(missing.status).toBe(404);
    expectApiSecurityHeaders(missing);
    const wrongMethod = await get('/api/openapi.json', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    expectApiSecurityHeaders(wrongMethod);
    const sitePost = await get('/', { method: 'POST' });
    expect(sitePost.status).toBe(405);
    expect(sitePost.headers.get('allow')).toBe('GET, HEAD');
    expect(sitePost.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers its own failure with the generic 500, a correlation id and the security headers', async () => {
    const res = await get('/api/openapi.json');
    expect(res.status).toBe(500);
    expectApiSecurityHeaders(res);
    const id = res.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = await res.text();
    expect(body).toContain(id!);
    expect(body).not.toContain('handler failed to load');
  });
});
