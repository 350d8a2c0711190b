/**
 * Poll pages rendered by the poll function from the polls table, through the local HTTP
 * server, against the floor: the very same bytes served as a static file by the same
 * server in the same run (what a built page costs). Also the pages' bytes: HTML, gzip,
 * and every file they load (stylesheets, the vote form's script).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Agent, fetch as undiciFetch } from 'undici';
import { ROOT } from '../../infra/local/local-stack';
import { startTestStack } from '../support/local-stack';
import { testPolls, writeTestPolls } from '../support/test-polls';
import { median, percentile, runConcurrently } from './stats';

export interface PollPageFigures {
  requests: number;
  concurrency: number;
  pages: {
    page: string;
    p50Ms: number;
    p99Ms: number;
    staticP50Ms: number;
    ratioP50: number;
    htmlBytes: number;
    gzipBytes: number;
    totalBytes: number;
  }[];
  errors: number;
}

const PAGES = {
  list: '/polls/',
  start: `/polls/${testPolls.open.id}/`,
  vote: `/polls/${testPolls.open.id}/vote/`,
} as const;

/** Bytes of every file the page links, from the assets the build publishes (site/public/assets). */
function linkedBytes(html: string): number {
  const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => join(ROOT, 'site', 'public', m[1]!));
  return assets.filter((file) => existsSync(file)).reduce((sum, file) => sum + readFileSync(file).length, 0);
}

export async function benchPollPages(requests = 1000, concurrency = 8, log = console.log): Promise<PollPageFigures> {
  const siteDir = mkdtempSync(join(tmpdir(), 'csp-bench-pages-'));
  const stack = await startTestStack({ pollsDir: writeTestPolls(), siteDir });
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  let errors = 0;
  const get = async (path: string) => {
    const res = await undiciFetch(`${stack.url}${path}`, { dispatcher: agent, headers: { accept: 'text/html' } });
    const body = await res.text();
    if (res.status !== 200) errors++;
    return body;
  };
  const fetchOnly = async (path: string) => void (await get(path));
  try {
    const pages: PollPageFigures['pages'] = [];
    for (const [name, path] of Object.entries(PAGES)) {
      const html = await get(path);
      // The floor: the same page, byte for byte, as a file of the built site.
      const copy = `/static-copy/${name}/`;
      mkdirSync(join(siteDir, copy), { recursive: true });
      writeFileSync(join(siteDir, copy, 'index.html'), html);
      log(`  ${name}: warming up…`);
      await runConcurrently(100, concurrency, () => fetchOnly(path));
      await runConcurrently(100, concurrency, () => fetchOnly(copy));
      // Interleaved halves, so drift on a shared machine hits both sides alike.
      const half = requests / 2;
      log(`  ${name}: ${path} and its static copy ×${requests} each…`);
      const dynamic1 = await runConcurrently(half, concurrency, () => fetchOnly(path));
      const static1 = await runConcurrently(half, concurrency, () => fetchOnly(copy));
      const dynamic2 = await runConcurrently(half, concurrency, () => fetchOnly(path));
      const static2 = await runConcurrently(half, concurrency, () => fetchOnly(copy));
      const dynamic = [...dynamic1.latencies, ...dynamic2.latencies];
      const fixed = [...static1.latencies, ...static2.latencies];
      pages.push({
        page: name,
        p50Ms: median(dynamic),
        p99Ms: percentile(dynamic, 99),
        staticP50Ms: median(fixed),
        ratioP50: median(dynamic) / median(fixed),
        htmlBytes: Buffer.byteLength(html),
        gzipBytes: gzipSync(html).length,
        totalBytes: Buffer.byteLength(html) + linkedBytes(html),
      });
    }
    return { requests, concurrency, pages, errors };
  } finally {
    await agent.close();
    await stack.stop();
    rmSync(siteDir, { recursive: true, force: true });
  }
}
