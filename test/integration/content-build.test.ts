/**
 * The site's content is checked at build time: files that break their schema, link to an
 * action that does not exist or drift from the profile stop the build before any page is
 * made, with every problem's file, field and what was expected. (Each kind of problem is
 * tested on its own in test/unit/partnership-pack.test.ts; that valid content builds, for
 * the address SITE_URL names, is the browser tests' site: test/e2e/site-pages.test.ts.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, copyPackContent, removeSiteBuilds } from '../support/site-build';

afterAll(removeSiteBuilds);

describe('content build', () => {
  it('stops before building any page on broken content, listing every problem with its file and field', async () => {
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
