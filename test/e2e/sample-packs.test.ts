/**
 * Each sample partnership pack, end to end, with the same code: it passes the pack check,
 * its site builds naming that partnership and no partner's address, and a portal started
 * for it routes a report by that pack's own rules. Every other test runs on the fixture
 * pack; this is the only test that reads the samples, so a partnership may change its
 * pack and only this test speaks for it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { checkPack } from '../../shared/config/check-pack';
import { readProfile } from '../../shared/config/load-profile';
import { contentDirOf, ROOT, samplePacks } from '../../shared/config/partnership-pack';
import { routeReport } from '../../shared/domain/routing';
import type { Report } from '../../shared/contracts/report';
import { testDynamoDb } from '../support/dynamodb';
import { waitForEmails } from '../support/local-stack';
import { workersService } from '../support/workers-service';
import { buildSite, removeSiteBuilds } from '../support/site-build';

const running: ChildProcess[] = [];
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(
    running.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null) return done(undefined);
          child.once('exit', done);
          child.kill('SIGTERM');
        }),
    ),
  );
  removeSiteBuilds();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** The portal for one pack, in a process of its own (a process loads one pack). */
async function startPortal(packDir: string, siteDir: string): Promise<{ url: string; sesEndpoint: string }> {
  const dynamo = await testDynamoDb();
  // The worker's shared services, as every other test file's stack uses them (the mail is
  // told apart by the report's reference).
  const shared = { SES_ENDPOINT: workersService('sesEndpoints'), COGNITO_ENDPOINT: workersService('cognitoEndpoints') };
  const pidDir = mkdtempSync(join(tmpdir(), 'csp-sample-pids-'));
  folders.push(pidDir);
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'stack-process.ts')], {
    env: {
      ...process.env,
      CSP_PARTNERSHIP: packDir,
      PORT: String(await freePort()),
      ...(shared.SES_ENDPOINT ? { SES_ENDPOINT: shared.SES_ENDPOINT } : { SES_PORT: String(await freePort()) }),
      ...(shared.COGNITO_ENDPOINT ? { COGNITO_ENDPOINT: shared.COGNITO_ENDPOINT } : { COGNITO_PORT: String(await freePort()) }),
      S3_PORT: String(await freePort()),
      CLAMAV_PORT: String(await freePort()),
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_NAME: dynamo.table('reports'),
      POLLS_TABLE_NAME: dynamo.table('polls'),
      SITE_DIR: siteDir,
      PID_DIR: pidDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(child);
  child.once('exit', () => void dynamo.release());
  return new Promise((ready, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^ready (\{.*\})$/m.exec(out);
      if (line) ready(JSON.parse(line[1]!) as { url: string; sesEndpoint: string });
    });
    child.once('exit', (code) => fail(new Error(`The portal for ${packDir} exited with ${code}`)));
  });
}

const samples = samplePacks();

describe('the sample partnership packs', () => {
  it('are at least two, so the README can show one codebase serving several partnerships', () => {
    expect(samples.length).toBeGreaterThanOrEqual(2);
  });

  for (const sample of samples) {
    const packDir = join(ROOT, sample);

    it(`${sample} passes the pack check, builds a site naming the partnership and no partner address, and routes a report by its own rules`, async () => {
      const report = checkPack(packDir);
      expect(report.problems).toEqual([]);
      const profile = readProfile(packDir);

      const build = await buildSite(contentDirOf(packDir), { CSP_PARTNERSHIP: packDir });
      expect(build.code, build.output).toBe(0);
      const files = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|js|json|xml|txt)$/.test(f));
      const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
      expect(home).toContain(profile.name);
      const leaks = files.filter((f) => {
        const text = readFileSync(join(build.outDir, f), 'utf8');
        return profile.partners.some((p) => text.includes(p.email));
      });
      expect(leaks).toEqual([]);
      // The pack's own sections of the pages the portal writes appear on them.
      const pagesDir = join(contentDirOf(packDir), 'pages');
      for (const file of existsSync(pagesDir) ? readdirSync(pagesDir) : []) {
        const heading = /^heading: (.+)$/m.exec(readFileSync(join(pagesDir, file), 'utf8'))![1]!;
        expect(readFileSync(join(build.outDir, file.replace(/\.md$/, ''), 'index.html'), 'utf8')).toContain(heading);
      }

      const portal = await startPortal(packDir, build.outDir);
      const page = await fetch(`${portal.url}/report/`);
      const form = await page.text();
      for (const area of profile.areas) expect(form).toContain(area.name);

      // A report in the pack's last area: who gets it depends on that pack's partners alone.
      const area = profile.areas.at(-1)!;
      const sent = {
        type: 'asb',
        asbCategory: 'nuisance',
        reporterRole: 'victim',
        description: `Sample pack check for ${profile.id}: music played loudly every night`,
        occurredAt: '2026-11-20T22:30:00Z',
        location: { area: area.id, street: 'High Street', postcode: `${area.postcodeDistricts[0]} 1AA` },
        anonymous: false,
        contact: { name: 'Sam Test', email: 'sam@example.com' },
      };
      const res = await fetch(`${portal.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sent),
      });
      expect(res.status).toBe(201);
      const { reference } = (await res.json()) as { reference: string };
      const routed = routeReport(sent as unknown as Report, profile.partners).map(
        (route) => profile.partners.find((p) => p.id === route.partnerId)!.email,
      );
      expect(routed.length).toBeGreaterThan(0);
      const expected = [...routed, sent.contact.email].sort();
      const emails = await waitForEmails(portal, (all) => all.filter((e) => e.subject.includes(reference)).length >= expected.length);
      const mine = emails.filter((e) => e.subject.includes(reference));
      expect(mine.map((e) => e.destination.to[0]).sort()).toEqual(expected);
      expect(new Set(mine.map((e) => e.from))).toEqual(new Set([profile.senderEmail]));
    });
  }
});
