/**
 * Bundles each Lambda entry with esbuild: ESM, minified, Node 24, AWS SDK included
 * (pinned by our lockfile rather than whatever the runtime ships). Used by the CDK
 * app at synth time and by the cold-import benchmark, so both measure the same files.
 */
import { buildSync, type Metafile } from 'esbuild';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backgroundFunctions, httpRoutes } from '../../functions/routes';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BUNDLE_DIR = join(ROOT, 'dist', 'functions');

export interface BundleResult {
  id: string;
  dir: string;
  file: string;
  bytes: number;
}

/** Every function the stack deploys: id and entry file. */
export function functionEntries(): { id: string; entry: string }[] {
  return [...httpRoutes.map((r) => ({ id: r.id, entry: r.entry })), ...Object.values(backgroundFunctions)];
}

export function bundleFunction(id: string, entry: string, outRoot = BUNDLE_DIR): BundleResult & { metafile: Metafile } {
  const dir = join(outRoot, id);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const result = buildSync({
    entryPoints: [join(ROOT, entry)],
    outfile: file,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // Prefer ESM builds: they tree-shake far better than the CommonJS ones.
    mainFields: ['module', 'main'],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // Some dependencies still call require(); give ESM output a real one.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  });
  return { id, dir, file, bytes: statSync(file).size, metafile: result.metafile };
}

export function bundleAll(outRoot = BUNDLE_DIR): BundleResult[] {
  return functionEntries().map(({ id, entry }) => {
    const { metafile: _m, ...rest } = bundleFunction(id, entry, outRoot);
    return rest;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const b of bundleAll()) console.log(`${b.id.padEnd(22)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KB  ${b.file}`);
}
