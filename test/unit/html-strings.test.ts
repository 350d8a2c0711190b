/**
 * The lint refuses markup strings written into the page and hand-written escaping
 * (.lint/no-html-strings.grit): a fixture with each is refused, line by line, and the
 * repository's own code passes (`npm run lint` runs the same plugin over it).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'csp-html-strings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The plugin's findings for a folder: "file:line" for each. */
function findings(folder: string): string[] {
  // Only the plugin: Biome's own rules are not what this test is about.
  writeFileSync(
    join(folder, 'biome.json'),
    JSON.stringify({ plugins: [join(ROOT, '.lint', 'no-html-strings.grit')], linter: { rules: { recommended: false } } }),
  );
  let out = '';
  try {
    out = execFileSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['lint', '--reporter=json', '.'], {
      cwd: folder,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { diagnostics: { category: string; location: { path: string; start?: { line: number } } }[] };
  return report.diagnostics.filter((d) => d.category === 'plugin').map((d) => `${d.location.path}:${d.location.start?.line}`);
}

describe('the no-markup-strings lint', () => {
  it('refuses innerHTML, insertAdjacentHTML and escaping by hand', () => {
    cpSync(join(ROOT, 'test', 'fixtures', 'html-strings'), join(work, 'fixture'), { recursive: true });
    expect(findings(join(work, 'fixture')).sort()).toEqual(['markup-strings.ts:2', 'markup-strings.ts:4', 'markup-strings.ts:5']);
  });
});
