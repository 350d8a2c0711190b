/**
 * Compiles site/styles/{portal,forms,workspace}.scss to site/public/assets/*.css. Fixed paths,
 * because pages rendered by the API (form errors, confirmation) link the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, bytes] of Object.entries(buildCss())) console.log(`site/public/assets/${name}.css: ${(bytes / 1024).toFixed(1)} KB`);
}
