/**
 * Compiles site/styles/portal.scss to site/public/assets/portal.css. A fixed path,
 * because pages rendered by the API (form errors, confirmation) link the same file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, NodePackageImporter } from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function buildCss(): number {
  const result = compile(join(root, 'styles/portal.scss'), {
    style: 'compressed',
    importers: [new NodePackageImporter()],
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  const out = join(root, 'public/assets/portal.css');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.css);
  return result.css.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = buildCss();
  console.log(`site/public/assets/portal.css: ${(bytes / 1024).toFixed(1)} KB`);
}
