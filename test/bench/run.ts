/**
 * `npm run bench`: performance figures for the README, measured as ratios against the
 * floor in the same run (absolute times drift on shared machines), plus sizes. Like the
 * tests, it runs on the fixture pack (package.json sets CSP_PARTNERSHIP), whose reports
 * and polls the benchmarks send.
 * Writes test/bench/results/<date>.json and latest.json.
 *   npm run bench                  everything
 *   npm run bench -- submit        only the submission benchmark
 *   npm run bench -- cold-import   only the cold-import benchmark
 *   npm run bench -- site          only the site (page weight, Lighthouse, build time)
 *   npm run bench -- inbox         only the officer inbox with 100,000 reports
 *   npm run bench -- ballots       only ballots through the local server
 *   npm run bench -- drain         only the backlog drain after an SES outage
 *   npm run bench -- export        only the CSV export of 5,000 reports
 *   npm run bench -- voters        only 300 voters sending at the same moment
 *   npm run bench -- private-link  only residents opening their private links
 *   npm run bench -- poll-pages    only the poll pages rendered from the polls table
 *   npm run bench -- evidence      only a 5 MB photo from upload to available
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchColdImport } from './cold-import.bench';
import { benchSubmit } from './submit.bench';
import { benchPrivateLink } from './private-link.bench';
import { benchInbox } from './inbox.bench';
import { benchBallotBurst, benchBallots } from './ballots.bench';
import { benchDrain } from './drain.bench';
import { benchExport } from './export.bench';
import { benchPollPages } from './poll-pages.bench';
import { benchEvidence } from './evidence.bench';
import { printTable } from './stats';
import { benchBuildTime, lighthouseScores, weighPages } from './site.bench';
import { startTestStack } from '../support/local-stack';
import { removeSiteBuilds } from '../support/site-build';
import { execFileSync, spawnSync } from 'node:child_process';

// Keep the console for the figures: the stack's structured logs would drown them.
process.env.LOG_LEVEL ??= 'silent';

const BENCHMARKS = [
  'submit',
  'private-link',
  'ballots',
  'voters',
  'drain',
  'export',
  'inbox',
  'cold-import',
  'site',
  'poll-pages',
  'evidence',
];
const only = new Set(process.argv.slice(2));
const unknown = [...only].filter((name) => !BENCHMARKS.includes(name));
if (unknown.length) {
  console.error(`No benchmark called ${unknown.join(', ')}. Choose from: ${BENCHMARKS.join(', ')}.`);
  process.exit(2);
}
// The functions read their settings and make their clients once per process, as in Lambda,
// so each benchmark's local stack gets a process of its own: several are run one after
// another, each adding its figures to latest.json.
if (only.size !== 1) {
  for (const name of only.size ? [...only] : BENCHMARKS) {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, name], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}
const want = (name: string) => only.has(name);
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

if (want('submit')) {
  console.log('Report submission (2,000 reports, 16 concurrent clients)');
  const s = await benchSubmit();
  results.submit = s;
  printTable('Report submission', [
    { measure: 'POST /api/reports p50 (ms)', value: s.submitP50Ms },
    { measure: 'POST /api/reports p99 (ms)', value: s.submitP99Ms },
    { measure: 'reports per second', value: s.reportsPerSecond },
    { measure: 'bare TransactWriteItems p50 (ms)', value: s.bareP50Ms },
    { measure: 'bare TransactWriteItems p99 (ms)', value: s.bareP99Ms },
    { measure: 'submit p50 / bare p50 (target <= 2.0)', value: s.ratioP50 },
    { measure: 'non-201 answers', value: s.errors },
  ]);
}

if (want('private-link')) {
  console.log('\nPrivate links (1,000 opens of 50 reports, then 400 incidents, 8 at a time)');
  const p = await benchPrivateLink();
  results.privateLink = p;
  printTable('Private link page (floor = GetItem of the same report)', [
    { measure: 'GET private link p50 (ms)', value: p.pageP50Ms },
    { measure: 'GET private link p99 (ms)', value: p.pageP99Ms },
    { measure: 'bare GetItem p50 (ms)', value: p.getItemP50Ms },
    { measure: 'bare GetItem p99 (ms)', value: p.getItemP99Ms },
    { measure: 'page p50 / GetItem p50 (target <= 3.0)', value: p.ratioP50 },
    { measure: 'non-200 answers', value: p.errors },
  ]);
  printTable(`Adding an incident through the link (${p.incidents}; floor = the same transaction by the report store)`, [
    { measure: 'POST incident p50 (ms)', value: p.addP50Ms },
    { measure: 'POST incident p99 (ms)', value: p.addP99Ms },
    { measure: 'bare incident transaction p50 (ms)', value: p.bareAddP50Ms },
    { measure: 'bare incident transaction p99 (ms)', value: p.bareAddP99Ms },
    { measure: 'add p50 / bare p50 (target <= 2.0)', value: p.addRatioP50 },
    { measure: 'non-201 answers', value: p.addErrors },
  ]);
}

if (want('ballots')) {
  console.log('\nBallots (2,000 voters, 32 at once, one poll)');
  const b = await benchBallots();
  results.ballots = b;
  printTable('Ballots (floor = the same ballot transaction straight to DynamoDB Local)', [
    { measure: 'POST /api/polls/{id}/ballots p50 (ms)', value: b.ballotP50Ms },
    { measure: 'POST /api/polls/{id}/ballots p99 (ms)', value: b.ballotP99Ms },
    { measure: 'ballots per second', value: b.ballotsPerSecond },
    { measure: 'bare ballot transaction p50 (ms)', value: b.bareP50Ms },
    { measure: 'bare ballot transaction p99 (ms)', value: b.bareP99Ms },
    { measure: 'ballot p50 / bare p50 (target <= 2.0)', value: b.ratioP50 },
    { measure: 'PutItem of the ballot alone p50 (ms)', value: b.putItemP50Ms },
    { measure: 'totals exact after the run', value: b.totalsExact ? 'yes' : 'NO' },
    { measure: 'non-201 answers', value: b.errors },
  ]);
}

if (want('evidence')) {
  console.log("\nResidents' files (a 5 MB photo from upload to available, 10 times)");
  const e = await benchEvidence();
  results.evidence = e;
  printTable('A 5 MB photo (floor = a bare PutObject of the same bytes to the same local S3)', [
    { measure: 'photo size (MB)', value: e.photoBytes / 1024 / 1024 },
    { measure: 'upload: form post to redirect p50 (ms)', value: e.uploadP50Ms },
    { measure: 'scan and processing to listed p50 (ms)', value: e.processP50Ms },
    { measure: 'upload to available p50 (ms)', value: e.availableP50Ms },
    { measure: 'upload to available p95 (ms)', value: e.availableP95Ms },
    { measure: 'bare PutObject p50 (ms)', value: e.barePutP50Ms },
    { measure: 'available p50 / bare PutObject p50', value: e.ratioP50 },
    { measure: 'photos not added', value: e.errors },
  ]);
}

if (want('poll-pages')) {
  console.log('\nPoll pages rendered from the polls table (1,000 requests a page, 8 at once)');
  const p = await benchPollPages();
  results.pollPages = p;
  printTable(
    'Poll pages (floor = the same bytes as a static file from the same server; page weight target <= 60 KB)',
    p.pages.map((page) => ({
      page: page.page,
      'p50 (ms)': page.p50Ms,
      'p99 (ms)': page.p99Ms,
      'static p50 (ms)': page.staticP50Ms,
      'p50 / static p50': page.ratioP50,
      'HTML KB': page.htmlBytes / 1024,
      'gzip KB': page.gzipBytes / 1024,
      'with CSS and JS KB': page.totalBytes / 1024,
    })),
  );
  if (p.errors) console.log(`  non-200 answers: ${p.errors}`);
}

if (want('voters')) {
  console.log('\n300 voters sending at the same moment (3 rounds)');
  const v = await benchBallotBurst();
  results.voters = v;
  printTable('Ballot burst (floor = the same ballot transactions sent at once straight to DynamoDB Local)', [
    { measure: 'answers 5xx (target 0)', value: v.serverErrors },
    { measure: 'other answers than 201', value: v.otherNon201 },
    { measure: 'ballot p50 (ms)', value: v.ballotP50Ms },
    { measure: 'ballot p99 (ms)', value: v.ballotP99Ms },
    { measure: 'bare ballot transaction p50 (ms)', value: v.bareP50Ms },
    { measure: 'ballot p50 / bare p50', value: v.ratioP50 },
    { measure: 'totals exact after the bursts', value: v.totalsExact ? 'yes' : 'NO' },
  ]);
}

if (want('drain')) {
  console.log('\nBacklog drain (5,000 emails pending after an SES outage)');
  const d = await benchDrain();
  results.drain = d;
  printTable('Backlog drain (sweeper on its AWS schedule; SES local reports a 14-a-second account)', [
    { measure: 'emails pending when SES came back', value: d.pendingAtStart },
    { measure: 'minutes until none pending (target <= 10)', value: d.minutesToEmpty },
    { measure: 'sweeper runs', value: d.sweeperRuns },
    { measure: 'account send rate (per second)', value: d.accountRatePerSecond },
    { measure: 'most sends in any one second', value: d.peakSendsInOneSecond },
    { measure: 'emails sent more than once (target 0)', value: d.duplicatesSent },
    { measure: 'sent but not recorded (the at-least-once case)', value: d.sentButNotRecorded },
    { measure: 'throttled by SES', value: d.throttled },
  ]);
}

if (want('export')) {
  console.log('\nCSV export of 5,000 reports (the documented cap)');
  const e = await benchExport();
  results.export = e;
  printTable('CSV export (function limit 10 s; peak = heap growth during the export)', [
    { measure: 'admin export, personal fields and audit (s)', value: e.adminSeconds },
    { measure: 'admin export peak heap growth (MB)', value: e.adminPeakHeapMB },
    { measure: 'officer export, summary fields (s)', value: e.officerSeconds },
    { measure: 'officer export peak heap growth (MB)', value: e.officerPeakHeapMB },
    { measure: 'admin file size (MB)', value: e.fileMB },
    { measure: 'audit entries written (one per report)', value: e.auditEntries },
    { measure: 'status', value: e.status },
  ]);
}

if (want('cold-import')) {
  console.log('\nCold import of each function bundle');
  const c = benchColdImport();
  results.coldImport = c;
  printTable(
    'Cold import (median of 15 fresh processes; floor = bundle constructing the same SDK clients)',
    c.map((f) => ({
      function: f.id,
      'bundle KB': f.bundleBytes / 1024,
      'floor KB': f.floorBytes / 1024,
      'import ms': f.importMs,
      'floor ms': f.floorMs,
      ratio: f.ratio,
    })),
  );
  console.log('Target: submit-report ratio <= 1.25');
}

if (want('inbox')) {
  console.log('\nOfficer inbox with 100,000 reports');
  const i = await benchInbox();
  results.inbox = i;
  printTable('Officer inbox (first page of 50, filtered by status; floor = GetItem of one report)', [
    { measure: 'inbox first page p50 (ms)', value: i.inboxP50Ms },
    { measure: 'inbox first page p95 (ms, target <= 50)', value: i.inboxP95Ms },
    { measure: 'GetItem p50 (ms)', value: i.getItemP50Ms },
    { measure: 'GetItem p95 (ms)', value: i.getItemP95Ms },
    { measure: 'inbox p95 / GetItem p95 (target <= 5)', value: i.ratioP95 },
    { measure: 'counts per status p50 (ms, 100,000 reports)', value: i.countsP50Ms },
    { measure: 'counts per status p95 (ms)', value: i.countsP95Ms },
    { measure: 'counts p95 / GetItem p95', value: i.countsRatioP95 },
    { measure: 'recount of every counter from the listings (s, repair only)', value: i.recountSeconds },
    { measure: 'unfiltered first page, cases folded, p50 (ms)', value: i.foldedP50Ms },
    { measure: 'unfiltered first page, cases folded, p95 (ms, target <= 50)', value: i.foldedP95Ms },
    { measure: 'unfiltered p95 / GetItem p95 (target <= 5)', value: i.foldedRatioP95 },
  ]);
}

if (want('site')) {
  console.log('\nPublished site');
  console.log('  building the site…');
  execFileSync('npm', ['run', '--silent', 'build:site'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const weights = weighPages();
  printTable(
    'Page weight (every file the page loads, with the imports of its scripts; target <= 60 KB; no page needs its JavaScript to be read)',
    weights.map((w) => ({
      page: w.page,
      path: w.path,
      files: w.files,
      KB: w.bytes / 1024,
      'gzip KB': w.gzipBytes / 1024,
      'JS KB': w.jsBytes / 1024,
    })),
  );
  const stack = await startTestStack();
  let scores: Awaited<ReturnType<typeof lighthouseScores>>;
  try {
    scores = await lighthouseScores(stack.url);
  } finally {
    await stack.stop();
  }
  printTable(
    'Lighthouse, mobile defaults (target: performance >= 95, accessibility 100)',
    scores.map((s) => ({ page: s.page, performance: s.performance, accessibility: s.accessibility })),
  );
  const build = await benchBuildTime();
  removeSiteBuilds();
  printTable('Build time (astro build; target <= 20 s for 1,000 papers)', [
    { site: 'sample content', seconds: build.sampleSeconds },
    { site: `sample + 1,000 papers (${build.thousandPapersPages} pages)`, seconds: build.thousandPapersSeconds },
  ]);
  results.site = { weights, lighthouse: scores, build };
}

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${`${results.date as string}`.replace(/[:.]/g, '-')}.json`), JSON.stringify(results, null, 2));
// latest.json keeps the newest figures of every benchmark, so a run of one
// (`npm run bench -- inbox`) does not drop the others.
const latestFile = join(dir, 'latest.json');
const previous = existsSync(latestFile) ? (JSON.parse(readFileSync(latestFile, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(latestFile, JSON.stringify({ ...previous, ...results }, null, 2));
console.log(`\nResults written to test/bench/results/latest.json`);
