/**
 * A partnership pack: one folder holding everything that is a partnership's own, so the
 * same code serves any partnership.
 *   <pack>/profile.json   who the partnership is, its areas, partners and rules
 *   <pack>/content/       the site's content collections (plans, papers, polls…)
 * Which pack runs: CSP_PARTNERSHIP (a folder path), else `config.partnership` in the
 * project's package.json (the sample pack), so no source file names a partnership.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The project folder: the nearest folder above this module whose package.json is the
 * portal's. Found rather than assumed two levels up, because the site build runs this
 * module from a bundled chunk somewhere else.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'csp-portal') return dir;
    } catch {
      // No package.json here, or not JSON: keep looking.
    }
    if (dirname(dir) === dir) return join(from, '..', '..');
  }
}

export const ROOT = projectRoot(import.meta.dirname);
/** Where the sample packs live. */
const PACKS_DIR = join(ROOT, 'partnerships');

const PROFILE_FILE = 'profile.json';
const CONTENT_FOLDER = 'content';

/** The chosen pack's folder, absolute. */
export function chosenPackDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CSP_PARTNERSHIP?.trim();
  if (chosen) return resolve(ROOT, chosen);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { config?: { partnership?: string } };
  const fallback = manifest.config?.partnership;
  if (!fallback) throw new Error('No partnership chosen: set CSP_PARTNERSHIP or "config.partnership" in package.json.');
  return resolve(ROOT, fallback);
}

export const profileFileOf = (packDir: string) => join(packDir, PROFILE_FILE);
export const contentDirOf = (packDir: string) => join(packDir, CONTENT_FOLDER);

/** A path as a person would type it from the project folder. */
export const shown = (path: string) => {
  const rel = relative(ROOT, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};

/** The sample packs shipped with the portal, as paths from the project folder. */
export function samplePacks(): string[] {
  if (!existsSync(PACKS_DIR)) return [];
  return readdirSync(PACKS_DIR)
    .filter((name) => existsSync(profileFileOf(join(PACKS_DIR, name))))
    .sort()
    .map((name) => shown(join(PACKS_DIR, name)));
}

/** Says why `dir` is not a pack folder (with the samples to start from), or nothing if it is one. */
export function missingPack(dir: string): string | undefined {
  const samples = samplePacks();
  const hint = `The sample packs are: ${samples.join(', ') || '(none found)'}. Start a new one with: npm run partnership -- new <folder>`;
  if (!existsSync(dir)) return `There is no partnership pack at ${shown(dir)}: the folder does not exist. ${hint}`;
  if (!statSync(dir).isDirectory()) return `There is no partnership pack at ${shown(dir)}: it is a file, not a folder. ${hint}`;
  return undefined;
}

/** The content the site is built from: the chosen pack's, unless CONTENT_DIR names other content (tests, benchmarks). */
export function chosenContentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONTENT_DIR ? resolve(ROOT, env.CONTENT_DIR) : contentDirOf(chosenPackDir(env));
}
