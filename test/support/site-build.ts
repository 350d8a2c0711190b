/**
 * Builds the Astro site from another content folder into its own output and cache
 * folders (so it never disturbs site/dist), for tests and the build-time benchmark.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../infra/local/local-stack';
import { chosenContentDir } from '../../shared/config/partnership-pack';

export interface SiteBuild {
  code: number;
  output: string;
  outDir: string;
  seconds: number;
}

const made: string[] = [];

/** Deletes every folder this module made (content copies, outputs, caches). */
export function removeSiteBuilds(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of the chosen pack's content (the tests' fixture pack) in a fresh folder, to change for one test. */
export function copyPackContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csp-content-'));
  made.push(dir);
  cpSync(chosenContentDir(), dir, { recursive: true });
  return dir;
}

export function buildSite(contentDir: string, extraEnv: Record<string, string> = {}): Promise<SiteBuild> {
  // Inside the repository, so the build's own chunks find its node_modules.
  const builds = join(ROOT, 'node_modules', '.cache', 'csp-site-builds');
  mkdirSync(builds, { recursive: true });
  const work = mkdtempSync(join(builds, 'build-'));
  made.push(work);
  const outDir = join(work, 'dist');
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  return new Promise((resolve) => {
    // Run from the build's own folder: Astro keeps its prerender chunks in the working
    // directory when the output is outside it, and builds side by side would share them.
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--root', join(ROOT, 'site'), '--silent'], {
      cwd: work,
      env: {
        ...process.env,
        ...extraEnv,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        CONTENT_DIR: contentDir,
        SITE_OUT_DIR: outDir,
        SITE_CACHE_DIR: join(work, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // Colour codes would split the messages the tests look for.
    child.on('close', (code) =>
      resolve({ code: code ?? 1, output: output.replace(/\u001b\[[0-9;]*m/g, ''), outDir, seconds: (performance.now() - started) / 1000 }),
    );
  });
}
