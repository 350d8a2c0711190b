/**
 * Bundles each Lambda entry with esbuild: ESM, minified, Node 24, AWS SDK included
 * (pinned by our lockfile rather than whatever the runtime ships). Used by the CDK
 * app at synth time and by the cold-import benchmark, so both measure the same files.
 */
import { buildSync, type Metafile } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { backgroundFunctions, httpRoutes } from '../../functions/routes';
import { defaultProfile } from '../../shared/config/load-profile';
import { loadPolls } from '../../shared/config/load-polls';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BUNDLE_DIR = join(ROOT, 'dist', 'functions');

export interface BundleResult {
  id: string;
  dir: string;
  file: string;
  /** Bytes a cold start loads: the entry and the chunks it imports statically. */
  bytes: number;
  /** Bytes of the entry and every chunk, including those loaded only on demand. */
  totalBytes: number;
}

/** Every function the stack deploys: id and entry file. */
export function functionEntries(): { id: string; entry: string }[] {
  return [...httpRoutes.map((r) => ({ id: r.id, entry: r.entry })), ...Object.values(backgroundFunctions)];
}

/**
 * Packages with native binaries, which cannot be bundled: left out of the bundle and copied
 * beside it with what they depend on (sharp: libvips for this machine's platform, which
 * `npm ci` installed; the function's architecture follows the machine's, portal-functions.ts).
 */
export const NATIVE_PACKAGES = ['sharp'] as const;

/** The packages a native one needs, found in node_modules: its dependencies and the optional ones installed here. */
function packageClosure(names: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    const dir = join(ROOT, 'node_modules', name);
    if (found.has(name) || !existsSync(join(dir, 'package.json'))) return;
    found.add(name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const dependency of [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})])
      visit(dependency);
  };
  for (const name of names) visit(name);
  return [...found];
}

/** Bundles one entry file into `dir` (index.mjs plus chunks/, and node_modules/ for native packages it uses). */
export function bundleEntry(entryFile: string, dir: string): { file: string; bytes: number; totalBytes: number; metafile: Metafile } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = buildSync({
    entryPoints: { index: entryFile },
    // The profile as it is after loading (validated, its bank holidays computed) is written
    // into the bundle, so the loader and its holiday calendars (about 1 MB) are left out
    // (shared/config/bundled-profile.ts).
    define: { 'globalThis.CSP_PROFILE_IS_BUNDLED': 'true', 'globalThis.CSP_BUNDLED_PROFILE': JSON.stringify(defaultProfile()) },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    // Code behind a dynamic import() (the logger on the error path, the HTML form
    // renderer for form errors, rarely used SDK credential providers) goes to its own
    // chunk, loaded only when needed.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // Prefer ESM builds: they tree-shake far better than the CommonJS ones.
    mainFields: ['module', 'main'],
    nodePaths: [join(ROOT, 'node_modules')],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // Some dependencies still call require(); give ESM output a real one.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    external: [...NATIVE_PACKAGES],
  });
  const file = join(dir, 'index.mjs');
  const natives = NATIVE_PACKAGES.filter((name) =>
    Object.values(result.metafile.outputs).some((o) => o.imports.some((i) => i.path === name)),
  );
  for (const name of packageClosure(natives))
    cpSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), { recursive: true });
  return { file, bytes: staticBytes(result.metafile, file), totalBytes: dirBytes(dir), metafile: result.metafile };
}

// One bundle per function and output folder per process: the sources cannot change while
// it runs, and an app synthesised several times (the stack tests) would otherwise bundle
// every function again each time.
const bundled = new Map<string, BundleResult & { metafile: Metafile }>();

export function bundleFunction(id: string, entry: string, outRoot = BUNDLE_DIR): BundleResult & { metafile: Metafile } {
  const key = `${outRoot}\0${id}\0${entry}`;
  const done = bundled.get(key);
  if (done) return done;
  // Functions trust the bundled profile (shared/config/bundled-profile.ts): check it here.
  defaultProfile();
  const dir = join(outRoot, id);
  const result = bundleEntry(join(ROOT, entry), dir);
  // The pack's polls, validated, go beside the function that imports them into the polls table.
  if (Object.keys(result.metafile.inputs).some((input) => input.endsWith('functions/import-polls/handler.ts'))) {
    writeFileSync(join(dir, 'polls.json'), JSON.stringify(loadPolls()));
  }
  const made = { id, dir, ...result };
  bundled.set(key, made);
  return made;
}

export function bundleAll(outRoot = BUNDLE_DIR): BundleResult[] {
  return functionEntries().map(({ id, entry }) => {
    const { metafile: _m, ...rest } = bundleFunction(id, entry, outRoot);
    return rest;
  });
}

/** Sum of the entry's size and every chunk reachable through static imports. */
function staticBytes(metafile: Metafile, entryFile: string): number {
  const outputs = metafile.outputs;
  const key = (file: string) => Object.keys(outputs).find((k) => join(process.cwd(), k) === file || k === relative(process.cwd(), file));
  const seen = new Set<string>();
  const visit = (k: string | undefined) => {
    if (!k || seen.has(k)) return;
    seen.add(k);
    for (const i of outputs[k]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(key(entryFile));
  return [...seen].reduce((sum, k) => sum + (outputs[k]?.bytes ?? 0), 0);
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).reduce(
    (sum, f) => sum + (f.isFile() ? statSync(join(f.parentPath, f.name)).size : 0),
    0,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const b of bundleAll())
    console.log(
      `${b.id.padEnd(22)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KB loaded at cold start, ${(b.totalBytes / 1024).toFixed(1).padStart(7)} KB in all  ${relative(ROOT, b.dir)}`,
    );
}
