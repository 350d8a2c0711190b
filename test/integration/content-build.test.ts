/**
 * The site's content is checked at build time: files that break their schema, link to an
 * action that does not exist or drift from the profile stop the build before any page is
 * made, with every problem's file, field and what was expected. A valid set of content
 * builds. (Each kind of problem is tested on its own in test/unit/partnership-pack.test.ts.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('stops before building any page on broken content, listing every problem with its file and field', async ({ expect }) => {
    const content = copyPackContent();
    const paper = join(content, 'papers', '2025-04-county-partnership.md');
    writeFileSync(
      paper,
      readFileSync(paper, 'utf8')
        .replace('purpose: discussion', 'purpose: gossip')
        .replace('meetingDate: 2025-04-24', 'meetingDate: 24/04/2025'),
    );
    const dataset = join(content, 'performance', 'asb-incidents-annual.json');
    const data = JSON.parse(readFileSync(dataset, 'utf8'));
    data.points[0].value = -5;
    data.colour = 'red';
    writeFileSync(dataset, JSON.stringify(data));
    const priorities = join(content, 'priorities', '2025-26.json');
    writeFileSync(priorities, readFileSync(priorities, 'utf8').replace('"school-workshops"', '"school-assemblies"'));
    const published = join(content, 'partnership', 'fernbrook.json');
    writeFileSync(published, readFileSync(published, 'utf8').replace('"name": "Oakridge"', '"name": "Oakridge estate"'));

    const build = await buildSite(content);
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/The partnership pack at .* has 6 problems:/);
    expect(build.output).toMatch(/2025-04-county-partnership\.md: meetingDate: must be a date written as YYYY-MM-DD/);
    expect(build.output).toMatch(
      /2025-04-county-partnership\.md: purpose: Invalid option: expected one of "decision"\|"discussion"\|"information"/,
    );
    expect(build.output).toMatch(/asb-incidents-annual\.json: \(root\): unknown field "colour"/);
    expect(build.output).toMatch(/asb-incidents-annual\.json: points\.0\.value: /);
    expect(build.output).toMatch(/priorities\/2025-26\.json: priorities\.0\.actions\.1: unknown plan action "school-assemblies"/);
    expect(build.output).toMatch(/partnership\/fernbrook\.json: areas\.1\.name: "Oakridge estate" differs from the profile's "Oakridge"/);
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });
});
