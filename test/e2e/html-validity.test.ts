/**
 * Every page is valid HTML by the Nu HTML Checker (vnu.jar from npm, on the Java that
 * DynamoDB Local already needs): every page of the built site, and every page the API
 * renders (the form back with errors, the confirmation, the status check's answers,
 * poll results, the thank-you page, problem pages). Zero errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { SITE_DIST } from '../../infra/build-site';
import { startTestStack } from '../support/local-stack';
import { defaultProfile } from '../../shared/config/load-profile';
import { startVoting, takeTimeToVote } from '../support/voting';
import { launchChromium, reflowProblemsOfHtml } from '../support/browser';
import type { Browser } from 'playwright-core';
import { testPolls, writeTestPolls } from '../support/test-polls';
import { callApi, signInDemoUsers } from '../support/officer';
import { photoWithLocation, postFile, uploadFormOf } from '../support/evidence';

const vnu = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const apiPages = mkdtempSync(join(tmpdir(), 'csp-api-pages-'));
let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack({ pollsDir: writeTestPolls() }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(apiPages, { recursive: true, force: true });
});

interface Problem {
  url: string;
  message: string;
  lastLine?: number;
}

/** Runs the checker once over files and folders; returns its errors. */
function check(paths: string[]): Problem[] {
  // The quick JIT tier and serial collector (one short run, as for DynamoDB Local in the
  // tests: half the CPU), with the deeper stack the checker's schema needs under that tier.
  const run = spawnSync(
    'java',
    [
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-Xss4m',
      '-jar',
      vnu,
      '--format',
      'json',
      '--skip-non-html',
      '--errors-only',
      ...paths,
    ],
    { encoding: 'utf8' },
  );
  // The checker answers JSON (on stderr), exiting 1 when it found errors. Anything else (a
  // crash, a message in words) means nothing was checked, which must never pass.
  const out = `${run.stdout}${run.stderr}`.trim();
  try {
    const messages = (JSON.parse(out) as { messages?: Problem[] }).messages;
    if (Array.isArray(messages) && (run.status === 0 || (run.status === 1 && messages.length))) return messages;
  } catch {
    // Not JSON: said below.
  }
  throw new Error(`The Nu HTML Checker did not check the pages (exit ${run.status}): ${out.slice(0, 500)}`);
}

const form = (path: string, body: Record<string, string>, cookie?: string) =>
  fetch(`${stack.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(body).toString(),
  });
const page = (path: string, cookie?: string) =>
  fetch(`${stack.url}${path}`, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });

describe('the Nu HTML Checker', () => {
  it('finds no errors in any built page, in the same run that refuses a page with known errors', () => {
    const dist = SITE_DIST;
    expect(readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(20);
    // A page with known errors beside the site: the run that passes the site is shown able to fail.
    const bad = mkdtempSync(join(tmpdir(), 'csp-nu-bad-'));
    writeFileSync(
      join(bad, 'bad.html'),
      '<!doctype html><html lang="en"><head><title>Bad</title></head><body><p><div>x</div></p><img src="/x.png"></body></html>',
    );
    try {
      const problems = check([dist, bad]);
      const found = (file: string) => problems.filter((p) => p.url === `file:${file}`).map((p) => p.message);
      expect(found(join(bad, 'bad.html')).some((m) => /alt/.test(m))).toBe(true);
      const inSite = problems
        .filter((p) => p.url.startsWith(`file:${dist}/`))
        .map((p) => `${p.url.replace(`file:${dist}/`, '')}:${p.lastLine}: ${p.message}`);
      expect(inSite).toEqual([]);
      expect(problems.every((p) => p.url.startsWith(`file:${dist}/`) || p.url === `file:${join(bad, 'bad.html')}`)).toBe(true);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it("puts the partnership's contact details in every built page's footer, and in the accessibility statement", () => {
    const dist = SITE_DIST;
    const { email, phone } = defaultProfile().contact;
    const without = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
      .filter(
        (f) =>
          !/<footer[\s\S]*Contact the partnership[\s\S]*<\/footer>/.test(readFileSync(join(dist, f), 'utf8')) ||
          !readFileSync(join(dist, f), 'utf8').includes(email),
      );
    expect(without).toEqual([]);
    const statement = readFileSync(join(dist, 'accessibility', 'index.html'), 'utf8');
    expect(statement).toContain(phone);
    expect(statement).toContain('Compliance status');
  });

  it('lets site search index the public pages only, never the officer workspace', () => {
    const dist = SITE_DIST;
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
    const publicPages = pages.filter((f) => !f.startsWith('officer'));
    expect(pages.length).toBeGreaterThan(publicPages.length);
    // Pagefind writes one fragment per page it indexed.
    expect(readdirSync(join(dist, 'pagefind', 'fragment'))).toHaveLength(publicPages.length);
  });

  it('finds no empty lists on the public pages (the workspace fills its own from the API)', () => {
    const dist = SITE_DIST;
    const empty = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html') && !f.startsWith('officer'))
      .filter((f) => /<(ul|ol)\b[^>]*>\s*<\/\1>/.test(readFileSync(join(dist, f), 'utf8')));
    expect(empty).toEqual([]);
  });

  it('finds no errors in any page the API renders, and each reflows at 320 CSS px', async () => {
    const pages: Record<string, Response> = {};
    pages['report-form-errors'] = await form('/api/reports', { type: 'asb', description: '<b>x</b>', 'contact.email': 'bad' });
    const report = {
      type: 'asb',
      asbCategory: 'nuisance',
      reporterRole: 'victim',
      description: 'Loud music every night',
      ongoing: 'true',
      'location.area': 'oakridge',
      anonymous: 'true',
      privateLink: 'true',
    };
    pages['check-answers'] = await form('/api/reports', { ...report, step: 'check' });
    const sent = await form('/api/reports', report);
    pages.confirmation = await page(sent.headers.get('location')!);
    const confirmation = await pages.confirmation.clone().text();
    const privateLink = /href="(\/api\/reports\/[^"]+\/private\/[^"]+)"/.exec(confirmation)![1]!;
    pages['private-report'] = await page(privateLink);
    // Adding files: none yet; then one kept, one refused and one being checked; a token for nothing.
    const evidenceLink = /href="([^"]+)" id="add-evidence"/.exec(confirmation)![1]!.replaceAll('&amp;', '&');
    pages['evidence-empty'] = await page(evidenceLink);
    await postFile(uploadFormOf(await pages['evidence-empty'].clone().text())!, { name: 'empty.jpg', bytes: new Uint8Array() });
    await postFile(uploadFormOf(await (await page(evidenceLink)).text())!, {
      name: 'bins & "fire" <b>.jpg',
      bytes: await photoWithLocation(),
    });
    await stack.evidenceIdle();
    pages['evidence-with-files'] = await page(
      `${evidenceLink}&key=${encodeURIComponent('uploads/00000000-0000-4000-8000-000000000000/being checked.jpg')}`,
    );
    const withFiles = await pages['evidence-with-files'].clone().text();
    for (const status of ['>Added<', '>Not added<', '>Being checked<']) expect(withFiles).toContain(status);
    pages['evidence-not-working'] = await page(`/api/reports/ZZZZZZZZ/evidence?token=ZZZZZZZZ.1999999999.${'x'.repeat(43)}`);
    pages['private-report-incident-errors'] = await form(privateLink, { offenderDescription: 'Two men', 'occurredAt.day': '40' });
    pages['private-report-message-errors'] = await form(`${privateLink}/messages`, { message: 'More information' });
    pages['private-report-incident-added'] = await page(
      (await form(privateLink, { description: 'Again tonight', ongoing: 'true' })).headers.get('location')!,
    );
    // Told twice: one short of the fixture's three complaints, so the page offers the Case Review.
    expect(await pages['private-report-incident-added'].clone().text()).toContain('Find out about the ASB Case Review');
    pages['case-review-from-report'] = await page(`${privateLink}/case-review`);
    pages['case-review-errors'] = await form('/api/case-reviews', {
      'applicant.role': 'mp',
      problem: '<b>x</b>',
      'complaints.0.to': 'other',
    });
    pages['case-review-received'] = await form('/api/case-reviews', {
      'applicant.role': 'victim',
      'victim.name': 'Pat Victim',
      'victim.phone': '01632 960 123',
      'victim.area': 'oakridge',
      problem: 'Motorbikes on the green',
    });
    pages['case-review-statistics'] = await page('/api/case-reviews/statistics');
    pages['case-review-link-not-working'] = await page(`/api/reports/ZZZZZZZZ/private/${'x'.repeat(43)}/case-review`);
    pages['private-link-not-working'] = await page(`/api/reports/ZZZZZZZZ/private/${'x'.repeat(43)}`);
    pages['confirmation-not-found'] = await page('/api/reports/ZZZZZZZZ/confirmation');
    pages['report-too-large'] = await form('/api/reports', { description: 'x'.repeat(40_000) });
    pages['status-errors'] = await form('/api/report-status', { reference: '', email: 'nope' });
    pages['status-not-found'] = await form('/api/report-status', { reference: 'ZZZZ2222', email: 'someone@example.com' });
    const voter = (await startVoting(stack, testPolls.open.id)).cookie!;
    pages['ballot-too-fast'] = await form(
      `/api/polls/${testPolls.open.id}/ballots`,
      { 'tokens.burglary': '5', postcode: 'FB1 2AB' },
      voter,
    );
    takeTimeToVote(stack);
    pages['ballot-errors'] = await form(`/api/polls/${testPolls.open.id}/ballots`, { 'tokens.burglary': '9', postcode: 'nowhere' }, voter);
    pages['ballot-closed'] = await form(`/api/polls/${testPolls.closed.id}/ballots`, { 'tokens.burglary': '1' }, voter);
    pages['start-not-found'] = await form('/api/polls/no-such-poll/start', {});
    pages.results = await page(`/api/polls/${testPolls.open.id}/results`);
    pages['results-hidden'] = await page(`/api/polls/${testPolls.hidden.id}/results`);
    pages.thanks = await page(`/api/polls/${testPolls.open.id}/thanks`, voter);
    pages['poll-page-not-found'] = await page('/api/polls/no-such-poll/results');
    // The poll pages rendered from the polls table: list, start, vote (open, coming, closed), not found.
    pages['poll-list'] = await page('/polls/');
    pages['poll-start'] = await page(`/polls/${testPolls.open.id}/`);
    pages['poll-start-coming'] = await page(`/polls/${testPolls.future.id}/`);
    pages['poll-vote'] = await page(`/polls/${testPolls.open.id}/vote/`);
    pages['poll-vote-closed'] = await page(`/polls/${testPolls.closed.id}/vote/`);
    pages['poll-vote-coming'] = await page(`/polls/${testPolls.future.id}/vote/`);
    pages['poll-start-not-found'] = await page('/polls/no-such-poll/');
    // What the partnership will do about a closed poll, beside its results and on "You said, we did".
    const { officer } = await signInDemoUsers(stack);
    const responded = await callApi(stack, officer!.access, `/api/officer/polls/${testPolls.closed.id}/response`, {
      body: { version: 1, weDid: ['More patrols <b>at night</b>'], actions: [{ id: 'a1', title: 'Patrols', href: '/plans/p/#action-a1' }] },
    });
    expect(responded.status, responded.text).toBe(200);
    await stack.refreshSiteNow();
    pages['results-with-response'] = await page(`/api/polls/${testPolls.closed.id}/results`);
    pages['you-said-we-did-with-response'] = await page('/you-said-we-did/');
    // Last, as it moves the clock: the page for adding files, two hours on.
    stack.advanceClock(2 * 3_600_000 + 60_000);
    pages['evidence-expired'] = await page(evidenceLink);
    const reflow: string[] = [];
    for (const [name, res] of Object.entries(pages)) {
      expect(res.headers.get('content-type'), name).toMatch(/^text\/html/);
      const html = await res.text();
      writeFileSync(join(apiPages, `${name}.html`), html);
      for (const problem of await reflowProblemsOfHtml(browser, res.url || `${stack.url}/api/`, html)) reflow.push(`${name}: ${problem}`);
    }
    const problems = check([apiPages]).map((p) => `${p.url.split('/').pop()}:${p.lastLine}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(reflow).toEqual([]);
  });
});
