/**
 * The site's content is checked at build time: a file that breaks its schema, or a
 * link to an action that does not exist, stops the build with the file, the field and
 * what was expected. A valid set of content builds.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { buildSite, copyPackContent, removeSiteBuilds } from '../support/site-build';

afterAll(removeSiteBuilds);

// Each build has its own content, output and cache folders, so they run side by side: a
// build waits on its files as much as on a core.
describe.concurrent('content build', () => {
  it('builds the sample content into every page, with links to the address it is served on', async ({ expect }) => {
    const content = copyPackContent();
    const build = await buildSite(content, { SITE_URL: 'http://localhost:5555' });
    expect(build.code, build.output).toBe(0);
    for (const page of [
      'index.html',
      'plans/2024-2027/index.html',
      'papers/year/2025-26/decision/index.html',
      'performance/index.html',
      'papers/rss.xml',
    ]) {
      expect(existsSync(join(build.outDir, page)), page).toBe(true);
    }
    const rss = readFileSync(join(build.outDir, 'papers/rss.xml'), 'utf8');
    expect(rss).toContain('<title>Organising our work around victims, offenders and locations</title>');
    // npm start passes SITE_URL for its PORT, so the sitemap never names another port.
    expect(rss).toContain('http://localhost:5555/papers/');
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>http://localhost:5555/</loc>');
    expect(sitemap).not.toContain('4321');
  });

  it('names the file, the field and what was expected when a paper breaks its schema', async ({ expect }) => {
    const content = copyPackContent();
    const file = join(content, 'papers', '2025-04-county-partnership.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('purpose: discussion', 'purpose: gossip')
        .replace('meetingDate: 2025-04-24', 'meetingDate: 24/04/2025'),
    );
    const build = await buildSite(content);
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('2025-04-county-partnership');
    expect(build.output).toMatch(/purpose: Invalid option: expected one of "decision"\|"discussion"\|"information"/);
    expect(build.output).toContain('meetingDate: must be a date written as YYYY-MM-DD');
  });

  it('stops on a dataset with a negative value or an unknown field', async ({ expect }) => {
    const content = copyPackContent();
    const file = join(content, 'performance', 'asb-incidents-annual.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.points[0].value = -5;
    data.colour = 'red';
    writeFileSync(file, JSON.stringify(data));
    const build = await buildSite(content);
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('asb-incidents-annual');
    expect(build.output).toMatch(/points\.0\.value/);
    expect(build.output).toMatch(/colour/);
  });

  it('stops when a priority links to an action that is not in any plan', async ({ expect }) => {
    const content = copyPackContent();
    const file = join(content, 'priorities', '2025-26.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"school-workshops"', '"school-assemblies"'));
    rmSync(join(content, 'priorities', '2024-25.json'));
    const build = await buildSite(content);
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('priorities/2025-26: priorities.0.actions.1: unknown action "school-assemblies"');
  });

  it('stops when the published areas drift from the partnership profile that routes reports', async ({ expect }) => {
    const content = copyPackContent();
    const file = join(content, 'partnership', 'fernbrook.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name": "Oakridge"', '"name": "Oakridge estate"'));
    const build = await buildSite(content);
    expect(build.code).not.toBe(0);
    expect(build.output).toContain("partnership/fernbrook: areas: expected the profile's areas in the same order");
  });
});
