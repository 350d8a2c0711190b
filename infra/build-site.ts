/**
 * Builds the site (`npm run build:site`) for the chosen partnership pack, and remembers
 * which pack site/dist was built for: `npm run synth` reuses a built site only if it is
 * that pack's, and `npm start -- --no-build` warns when it is another's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from '../shared/config/partnership-pack';

/** Where the site is built and served from: site/dist, unless SITE_OUT_DIR says (the tests build their own). */
export const SITE_DIST = process.env.SITE_OUT_DIR ? resolve(ROOT, process.env.SITE_OUT_DIR) : join(ROOT, 'site', 'dist');
// Outside site/dist, whose every file is published.
const STAMP = join(ROOT, 'node_modules', '.cache', 'csp-portal', 'site-dist-partnership');

/** The pack folder site/dist was last built for, if it is built. */
export function siteBuiltFor(): string | undefined {
  if (!existsSync(join(SITE_DIST, 'index.html')) || !existsSync(STAMP)) return undefined;
  return readFileSync(STAMP, 'utf8');
}

/** Builds the site for `packDir`; `siteUrl` is the address its sitemap and feed name. */
export function buildSiteFor(packDir: string, siteUrl?: string): void {
  // Absolute, because Astro reads an output folder relative to site/ and Pagefind relative to here.
  const env = { ...process.env, CSP_PARTNERSHIP: packDir, SITE_OUT_DIR: SITE_DIST, ...(siteUrl ? { SITE_URL: siteUrl } : {}) };
  execFileSync('npm', ['run', '--silent', 'build:site'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, packDir);
}
