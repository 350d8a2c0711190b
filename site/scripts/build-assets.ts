/**
 * Compiles site/styles/{portal,forms,workspace}.scss to site/public/assets/*.css, and the
 * scripts that enhance pages the functions render (the vote form, adding files) to
 * site/public/assets/*.js. Fixed paths, because pages rendered by the API (poll pages,
 * form errors, confirmation) link the same files that Astro's pages do.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, NodePackageImporter } from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const STYLESHEETS = ['portal', 'forms', 'workspace'] as const;

/** Compiles every stylesheet; returns bytes per file. */
export function buildCss(): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of STYLESHEETS) {
    const result = compile(join(root, `styles/${name}.scss`), {
      style: 'compressed',
      importers: [new NodePackageImporter()],
      quietDeps: true,
      silenceDeprecations: ['import'],
    });
    const out = join(root, `public/assets/${name}.css`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.css);
    sizes[name] = result.css.length;
  }
  return sizes;
}

/** Entry points of scripts for pages the functions render, by the asset name they are published as. */
export const PAGE_SCRIPTS = { 'poll-form': 'src/scripts/poll-form-page.ts', 'evidence-form': 'src/scripts/evidence-form-page.ts' } as const;

/** Bundles each page script for the browsers the site supports; returns bytes per file. */
export function buildScripts(): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const [name, entry] of Object.entries(PAGE_SCRIPTS)) {
    const outfile = join(root, `public/assets/${name}.js`);
    buildSync({ entryPoints: [join(root, entry)], bundle: true, minify: true, format: 'esm', target: 'es2020', outfile });
    sizes[name] = statSync(outfile).size;
  }
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, bytes] of Object.entries(buildCss())) console.log(`site/public/assets/${name}.css: ${(bytes / 1024).toFixed(1)} KB`);
  for (const [name, bytes] of Object.entries(buildScripts())) console.log(`site/public/assets/${name}.js: ${(bytes / 1024).toFixed(1)} KB`);
}
