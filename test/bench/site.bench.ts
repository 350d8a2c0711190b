/**
 * The published site: bytes each page needs (HTML, CSS, JS, fonts, images; gzip beside
 * it), Lighthouse performance and accessibility scores in Debian Chromium, and build
 * time for the sample site and for a generated site of 1,000 board papers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CHROMIUM_FLAGS, chromiumPath } from '../support/chromium';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../infra/local/local-stack';
import { buildSite, copyPackContent } from '../support/site-build';

export const WEIGHED_PAGES = {
  home: '/',
  plan: '/plans/2024-2027/',
  performance: '/performance/',
  paper: '/papers/2025-10-annual-report/',
} as const;

export interface PageWeight {
  page: string;
  path: string;
  bytes: number;
  gzipBytes: number;
  jsBytes: number;
  files: number;
}

/** Every file a page loads: the HTML plus stylesheets, scripts, icons and images it links. */
export function pageWeight(distDir: string, name: string, path: string): PageWeight {
  const htmlFile = join(distDir, path.endsWith('/') ? `${path}index.html` : path);
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  const assets = [
    ...text.matchAll(/<link[^>]+rel="(?:stylesheet|icon|preload|modulepreload)"[^>]*href="([^"]+)"/g),
    ...text.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="(?:stylesheet|icon|preload|modulepreload)"/g),
    ...text.matchAll(/<(?:script|img)[^>]+src="([^"]+)"/g),
  ]
    .map((m) => m[1]!)
    .filter((href) => href.startsWith('/'));
  let bytes = html.length;
  let gzipBytes = gzipSync(html).length;
  let jsBytes = 0;
  const unique = [...new Set(assets)];
  // A module script's static imports load too: follow them, so the JavaScript figure is whole.
  for (let i = 0; i < unique.length; i++) {
    const href = unique[i]!;
    const file = join(distDir, href.split('?')[0]!);
    if (!existsSync(file)) continue;
    const content = readFileSync(file);
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
    if (!href.endsWith('.js') && !href.endsWith('.mjs')) continue;
    jsBytes += content.length;
    for (const [, spec] of content.toString('utf8').matchAll(/(?:^|[;\s])import(?:[^"'()]*?from)?\s*["']([^"']+)["']/g)) {
      const imported = new URL(spec!, `http://site${href}`).pathname;
      if (!unique.includes(imported)) unique.push(imported);
    }
  }
  return { page: name, path, bytes, gzipBytes, jsBytes, files: unique.length + 1 };
}

export function weighPages(distDir = join(ROOT, 'site', 'dist')): PageWeight[] {
  return Object.entries(WEIGHED_PAGES).map(([name, path]) => pageWeight(distDir, name, path));
}

/** Builds the sample content, then the same with 1,000 generated board papers. */
export async function benchBuildTime(
  log = console.log,
): Promise<{ sampleSeconds: number; thousandPapersSeconds: number; thousandPapersPages: number }> {
  log('  building the sample site…');
  const sample = await buildSite(copyPackContent());
  if (sample.code !== 0) throw new Error(`Sample build failed:\n${sample.output}`);
  const content = copyPackContent();
  const purposes = ['decision', 'discussion', 'information'];
  for (let i = 0; i < 1000; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const year = 2015 + Math.floor(i / 100);
    writeFileSync(
      join(content, 'papers', `generated-${i}.md`),
      `---\ntitle: Generated board paper ${i}\nmeetingDate: ${year}-${month}-${String((i % 27) + 1).padStart(2, '0')}\npreparedBy: Benchmark\nleadingPartners: [All partners]\npurpose: ${purposes[i % 3]}\nsummary: A generated paper used to measure build time, number ${i}.\nrecommendations: [That the board notes the paper.]\nfinancialImplications: None.\nequalityImplications: None.\n---\n\n## Background\n\nParagraph ${i} about community safety work in the district.\n`,
    );
  }
  log('  building with 1,000 board papers…');
  const big = await buildSite(content);
  if (big.code !== 0) throw new Error(`1,000-paper build failed:\n${big.output}`);
  const pages = (readFileSync(join(big.outDir, 'sitemap-0.xml'), 'utf8').match(/<loc>/g) ?? []).length;
  return { sampleSeconds: sample.seconds, thousandPapersSeconds: big.seconds, thousandPapersPages: pages };
}

export interface LighthouseScore {
  page: string;
  performance: number;
  accessibility: number;
}

/** Lighthouse (mobile defaults) against the running local server, in Debian Chromium. */
export async function lighthouseScores(baseUrl: string, log = console.log): Promise<LighthouseScore[]> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROMIUM_FLAGS,
  });
  try {
    const scores: LighthouseScore[] = [];
    for (const [page, path] of Object.entries(WEIGHED_PAGES)) {
      log(`  lighthouse ${path}…`);
      const result = await lighthouse(`${baseUrl}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const categories = result?.lhr.categories;
      scores.push({
        page,
        performance: Math.round((categories?.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
      });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
