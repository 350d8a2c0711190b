/**
 * The whole portal on one machine: DynamoDB Local, SES local, the reports table, the
 * stream router, the sweeper and the HTTP server. Used by `npm start`, the tests and the
 * benchmarks, so all three run exactly the same stack.
 */
import { dirname, join } from 'node:path';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { HttpRoute } from '../../functions/routes';
import { ensurePollsTable, ensureReportsTable } from './create-tables';
import { loadPolls } from '../../shared/config/load-polls';
import { SITE_DIST } from '../build-site';
import { seedSampleTallies } from './sample-tallies';
import { seedSampleCaseReviews } from './sample-case-reviews';
import { defaultProfile } from '../../shared/config/load-profile';
import { localDynamoClient, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { startHttpServer, type LambdaHttpHandler } from './http-server';
import { isPortFree } from './ports';
import { startSesLocal, type SesLocal } from './ses-local';
import { portalPoolIn, startCognitoLocal, type CognitoLocal } from './cognito-local';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startStreamPoller, type StreamPoller } from './stream-poller';
import { recordChild, stopStaleChildren } from './child-pids';
import { createCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { advanceClock, clockNow, replaceClockOffset } from '../../functions/adapters/clock/clock';
import { resetRuntime } from '../../functions/config';
import { createPollDefinitionStore } from '../../functions/adapters/dynamodb/poll-definitions';
import { describeImport, importPackPolls } from '../../functions/polls/import-pack-polls';
import { publishedPolls } from '../../functions/polls/catalogue';
import { refreshSiteRegions } from '../../functions/site-regions/refresh';
import { overlaySiteFiles } from './overlay-site-files';
import { GetObjectCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { SCAN_TAG } from '../../functions/adapters/s3/evidence-files';
import type { ScanResultEvent } from '../../functions/adapters/guardduty/scan-result';
import { startS3Local, type S3Local } from './s3-local';
import { startClamAvLocal, type ClamAvLocal } from './clamav-local';
import { scanResultEvent, scanStatusOf } from './scan-result-event';

export const ROOT = join(import.meta.dirname, '..', '..');

const OWN_SES_ONLY = 'This stack sends to an SES local it did not start, and leaves it alone: give it sesPort to stop and start one.';

/** Tries at scanning and processing one upload before the local stack gives up on it. */
const EVIDENCE_ATTEMPTS = 4;

export interface LocalStackOptions {
  port: number;
  /** Where to start DynamoDB Local; or `dynamoDbEndpoint` to use one already running. */
  dynamoDbPort?: number;
  /**
   * A DynamoDB Local started by someone else (the test setup's, one per test worker):
   * the stack makes its tables there and leaves it running when it stops.
   */
  dynamoDbEndpoint?: string;
  /** Where to start SES local; or `sesEndpoint` to send to one already running. */
  sesPort?: number;
  /**
   * An SES local started by someone else (the test setup's, one per test worker): the stack
   * sends there and leaves it running when it stops. Such a stack cannot stop and start it
   * (an outage test gives the stack a port of its own instead).
   */
  sesEndpoint?: string;
  /** Where to start Cognito local; or `cognitoEndpoint` to make a pool of the stack's own in one running. */
  cognitoPort?: number;
  /** A Cognito local started by someone else (the test setup's, one per test worker): left running on stop. */
  cognitoEndpoint?: string;
  /** The local S3 (residents' files) and ClamAV's daemon (their malware scan). */
  s3Port: number;
  clamAvPort: number;
  /** Keep DynamoDB data here between runs; omit for an in-memory database (tests). */
  dataDir?: string;
  /** Run the DynamoDB Local it starts on the JVM's quick tier (tests: a start that lives seconds). */
  shortLivedJvm?: boolean;
  /**
   * Where to keep pid files of the services started, so a later start can stop any that a
   * killed run left behind (npm start); omitted by tests, whose services die with them.
   */
  pidDir?: string;
  /** Where cognito-local keeps its pool and users (a temporary folder if omitted). */
  cognitoDir?: string;
  siteDir?: string;
  tableName?: string;
  pollsTableName?: string;
  /** Poll files to publish (default: the site's content); tests pass polls dated around now. */
  pollsDir?: string;
  sweepIntervalMs?: number;
  /**
   * Awaited before each upload is scanned: a test holds a file at "Being checked" to see the
   * page say so, which a scan of a few milliseconds would otherwise race.
   */
  beforeScan?: () => Promise<void>;
  /** Bucket names (tests give each file its own). */
  quarantineBucket?: string;
  evidenceBucket?: string;
  /** How often closed polls are finalised (AWS: every 10 minutes). */
  closePollsIntervalMs?: number;
  /** How often the site's live regions are brought up to date: within a minute of a poll opening, as in AWS. */
  liveRegionsIntervalMs?: number;
  log?: (message: string) => void;
  onRequest?: (line: string) => void;
}

export interface LocalStack {
  url: string;
  mailUrl: string;
  dynamoDbEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  pollsTableName: string;
  cognito: CognitoLocal;
  /** Runs one sweep now (tests: after SES comes back). */
  sweepNow(): Promise<unknown>;
  /** Finalises every closed poll now (what the schedule does every few minutes). */
  closePollsNow(): Promise<{ finalised: string[]; mismatched: string[] }>;
  /** Brings the site's live regions up to date now (what the schedule does every minute). */
  refreshSiteNow(): Promise<{ changed: string[]; failed: string[] }>;
  /** Waits until the stream router has handled everything written so far. */
  streamIdle(): Promise<void>;
  /** Moves every function's clock forward by `ms`: tests step over a time rule instead of waiting. */
  advanceClock(ms: number): void;
  /** The local S3's address, and its two buckets (uploads land in quarantine; clean files are kept in evidence). */
  s3: { endpoint: string; client: S3Local['client']; quarantine: string; evidence: string };
  /** Waits until every upload so far has been scanned and processed. */
  evidenceIdle(): Promise<void>;
  /** Stops SES local (to test an outage) and starts it again on the same port: only one the stack started. */
  stopSes(): Promise<void>;
  startSes(): Promise<void>;
  stop(): Promise<void>;
}

/** The stack's DynamoDB Local: one it starts (and stops), or one already running that it leaves alone. */
async function dynamoDb(
  options: LocalStackOptions,
): Promise<{ endpoint: string; process?: DynamoDbLocal['process']; stop(): Promise<void> }> {
  if (options.dynamoDbEndpoint) return { endpoint: options.dynamoDbEndpoint, stop: async () => undefined };
  if (options.dynamoDbPort === undefined) throw new Error('Give the local stack a DynamoDB Local port, or the endpoint of one running');
  return startDynamoDbLocal({
    port: options.dynamoDbPort,
    shortLived: options.shortLivedJvm === true,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
}

/** The stack's SES local: one it starts (and stops) on `ownPort`, or one already running that it leaves alone. */
async function sesLocal(
  options: LocalStackOptions,
  ownPort: number | undefined,
): Promise<{ url: string; process?: SesLocal['process']; stop(): Promise<void> }> {
  if (options.sesEndpoint) return { url: options.sesEndpoint, stop: async () => undefined };
  if (ownPort === undefined) throw new Error('Give the local stack an SES local port, or the endpoint of one running');
  return startSesLocal({ port: ownPort });
}

/** The stack's sign-in: a Cognito local it starts (and stops), or a pool of its own in one already running. */
async function cognitoPool(options: LocalStackOptions, dataDir: string, log: (message: string) => void): Promise<CognitoLocal> {
  if (options.cognitoEndpoint) return portalPoolIn(options.cognitoEndpoint, defaultProfile());
  if (options.cognitoPort === undefined) throw new Error('Give the local stack a Cognito local port, or the endpoint of one running');
  return startCognitoLocal({ port: options.cognitoPort, dataDir, profile: defaultProfile(), log });
}

/**
 * Whether a port is free; after stopping services a killed start left behind, allow them
 * up to 3 s to let go of it (a service can still be closing after its process is gone).
 */
async function portFreed(port: number, justStopped: boolean): Promise<boolean> {
  for (let waited = 0; ; waited += 100) {
    if (await isPortFree(port)) return true;
    if (!justStopped || waited >= 3_000) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const tableName = options.tableName ?? 'csp-portal-reports';
  const pollsTableName = options.pollsTableName ?? 'csp-portal-polls';
  const stopped = options.pidDir ? await stopStaleChildren(options.pidDir) : [];
  // The port of an SES local the stack starts itself: none when it sends to one already running.
  const ownSesPort = options.sesEndpoint ? undefined : options.sesPort;
  for (const line of stopped) log(line);
  const remember = (service: string, child: import('node:child_process').ChildProcess) => {
    if (!options.pidDir) return;
    const forget = recordChild(options.pidDir, service, child);
    cleanups.push(async () => forget());
  };
  for (const [name, port, variable] of [
    ['the portal', options.port, 'PORT'],
    ['DynamoDB Local', options.dynamoDbEndpoint ? undefined : options.dynamoDbPort, 'DYNAMODB_PORT'],
    ['SES local', ownSesPort, 'SES_PORT'],
    ['Cognito local', options.cognitoEndpoint ? undefined : options.cognitoPort, 'COGNITO_PORT'],
    ['the local S3', options.s3Port, 'S3_PORT'],
    ['ClamAV', options.clamAvPort, 'CLAMAV_PORT'],
  ] as const) {
    if (port !== undefined && !(await portFreed(port, stopped.length > 0)))
      throw new Error(
        `Port ${port} (${name}) is already in use. Stop whatever is using it, or choose another port with ${variable}=<port>.`,
      );
  }

  // Functions trust the bundled profile and the poll files; validate them before anything starts.
  defaultProfile();
  const polls = loadPolls(options.pollsDir);
  const cleanups: (() => Promise<void>)[] = [];
  // This stack's functions start on the real time; a stack started before it in this process
  // gets its moved clock back when this one stops (cleanups run last pushed, first run).
  const clockBefore = replaceClockOffset(0);
  cleanups.push(async () => void replaceClockOffset(clockBefore));
  const buckets = {
    quarantine: options.quarantineBucket ?? 'csp-portal-quarantine',
    evidence: options.evidenceBucket ?? 'csp-portal-evidence',
  };
  let s3!: S3Local;
  let clamAv!: ClamAvLocal;
  let processEvidence: ((event: ScanResultEvent) => Promise<unknown>) | undefined;
  /** Tells the stream router something was written, so it reads the stream now rather than after its pause. */
  let wroteToTable: () => void = () => undefined;
  // Each upload is scanned and processed as GuardDuty and EventBridge would in AWS: after it
  // is stored, with the scan's result in GuardDuty's own event shape.
  const scanning = new Set<Promise<void>>();
  const scanOnce = async (bucket: string, key: string) => {
    const object = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const verdict = await clamAv.scan(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    await s3.client.send(
      new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet: [{ Key: SCAN_TAG, Value: scanStatusOf(verdict) }] } }),
    );
    await processEvidence?.(scanResultEvent(bucket, key, object.ETag ?? '', verdict)).finally(() => wroteToTable());
  };
  // A failure is tried again with growing pauses, as EventBridge retries the processing in AWS;
  // after the last try the upload stays in quarantine (its page says "Being checked") and the log says so.
  const scanUpload = (bucket: string, key: string) => {
    const run = (async () => {
      await options.beforeScan?.();
      for (let attempt = 1; ; attempt++) {
        try {
          return await scanOnce(bucket, key);
        } catch (error) {
          const last = attempt === EVIDENCE_ATTEMPTS;
          log(`Evidence processing: ${(error as Error).name}${last ? ', given up: the upload stays in quarantine' : ', trying again'}`);
          if (last) return;
          await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
        }
      }
    })().finally(() => scanning.delete(run));
    scanning.add(run);
  };
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    // The three services are independent: start them side by side (a test file's stack
    // is up in the time of the slowest, not the sum). Each is stopped on the way out,
    // including when another failed to start.
    log(
      `Starting ${options.dynamoDbEndpoint ? `(with DynamoDB Local at ${options.dynamoDbEndpoint})` : `DynamoDB Local on port ${options.dynamoDbPort}${options.dataDir ? ` (data in ${options.dataDir})` : ' (in memory)'},`} SES local ${options.sesEndpoint ? `(at ${options.sesEndpoint})` : `on port ${options.sesPort}`} and Cognito local ${options.cognitoEndpoint ? `(a pool in ${options.cognitoEndpoint})` : `on port ${options.cognitoPort}`}…`,
    );
    const cognitoDir = options.cognitoDir ?? mkdtempSync(join(tmpdir(), 'csp-cognito-'));
    // A temporary pool (tests, benchmarks) is deleted on stop; .data/cognito is kept.
    if (!options.cognitoDir) cleanups.push(async () => rmSync(cognitoDir, { recursive: true, force: true }));
    // Reassigned when a test restarts SES local after an outage; stop whichever is running.
    let ses!: Awaited<ReturnType<typeof sesLocal>>;
    const started = await Promise.allSettled([
      // The tables are made as soon as DynamoDB Local answers, while Cognito local makes its users.
      dynamoDb(options).then(async (dynamo) => {
        cleanups.push(() => dynamo.stop());
        if (dynamo.process) remember('dynamodb-local', dynamo.process);
        const client = localDynamoClient(dynamo.endpoint);
        cleanups.push(async () => client.destroy());
        const [pollsMade, reportsMade] = await Promise.all([
          ensurePollsTable(client, pollsTableName),
          ensureReportsTable(client, tableName),
        ]);
        log(`${pollsMade ? 'Created' : 'Found'} table ${pollsTableName}`);
        log(`${reportsMade ? 'Created' : 'Found'} table ${tableName}`);
        return { dynamo, client };
      }),
      sesLocal(options, ownSesPort),
      cognitoPool(options, cognitoDir, log),
      startS3Local({
        port: options.s3Port,
        buckets: [buckets.quarantine, buckets.evidence],
        ...(options.dataDir ? { directory: join(dirname(options.dataDir), 's3') } : {}),
        onUpload: (bucket, key) => void scanUpload(bucket, key),
      }),
      startClamAvLocal({ port: options.clamAvPort }),
    ] as const);
    const [dynamoStart, sesStart, cognitoStart, s3Start, clamAvStart] = started;
    if (s3Start.status === 'fulfilled') cleanups.push(() => s3Start.value.stop());
    if (clamAvStart.status === 'fulfilled') {
      cleanups.push(() => clamAvStart.value.stop());
      remember('clamav', clamAvStart.value.process);
    }
    if (sesStart.status === 'fulfilled') {
      ses = sesStart.value;
      cleanups.push(async () => ses?.stop());
      if (sesStart.value.process) remember('ses-local', sesStart.value.process);
    }
    if (cognitoStart.status === 'fulfilled') {
      cleanups.push(() => cognitoStart.value.stop());
      if (cognitoStart.value.process) remember('cognito-local', cognitoStart.value.process);
    }
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const { dynamo, client } = (
      dynamoStart as PromiseFulfilledResult<{ dynamo: DynamoDbLocal; client: ReturnType<typeof localDynamoClient> }>
    ).value;
    const cognito = (cognitoStart as PromiseFulfilledResult<CognitoLocal>).value;
    s3 = (s3Start as PromiseFulfilledResult<S3Local>).value;
    clamAv = (clamAvStart as PromiseFulfilledResult<ClamAvLocal>).value;
    // Data kept from before the status counters existed: count it once from the listings.
    const cases = createCaseStore(client, tableName);
    const counted = Object.values(await cases.countByStatus({ kind: 'all' }, {})).some((n) => n > 0);
    const first = counted ? undefined : await cases.listInbox({ kind: 'all' }, {}, 1, undefined, new Date());
    if (first && first !== 'bad-cursor' && first.items.length > 0)
      log(
        `Counted reports per status from the listings (${await cases.recountStatus(defaultProfile().partners.map((p) => p.id))} day counters)`,
      );
    // The pack's poll files join the polls table, where the functions read every poll from (in AWS, once per deploy).
    const imported = await importPackPolls(
      createPollDefinitionStore(client, pollsTableName),
      polls,
      clockNow(),
      defaultProfile().polls.resultsDaysAfterClose,
    );
    log(describeImport(imported));

    const siteUrl = `http://localhost:${options.port}`;
    const settings = {
      TABLE_NAME: tableName,
      POLLS_TABLE_NAME: pollsTableName,
      AWS_REGION: 'eu-west-2',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.url,
      LOCAL_MODE: 'true',
      // Metrics are CloudWatch log lines: nothing to publish to locally.
      POWERTOOLS_METRICS_DISABLED: 'true',
      SITE_URL: siteUrl,
      COGNITO_ISSUER: cognito.issuer,
      COGNITO_CLIENT_ID: cognito.clientId,
      S3_ENDPOINT: s3.endpoint,
      QUARANTINE_BUCKET: buckets.quarantine,
      EVIDENCE_BUCKET: buckets.evidence,
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    };
    // The functions in this process now serve this stack: its settings, and wiring built
    // afresh from them (nothing kept from a stack started before in this process, as the
    // test runner's workers start one per file). When it stops, the settings it found are
    // put back and the wiring is built again from them.
    const settingsBefore = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
    Object.assign(process.env, settings);
    resetRuntime();
    cleanups.push(async () => {
      for (const [name, value] of Object.entries(settingsBefore)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetRuntime();
    });
    // The functions read the environment set above on their first call, never at import
    // (test/unit/runtime-wiring.test.ts holds every function to that).
    const router = await import('../../functions/route-report/handler');
    const sweeper = await import('../../functions/sweep-outbox/handler');
    const pollCloser = await import('../../functions/close-polls/handler');
    processEvidence = (await import('../../functions/process-evidence/handler')).handler;

    log('Connecting the stream router to the table stream…');
    const poller: StreamPoller = await startStreamPoller({
      client,
      endpoint: dynamo.endpoint,
      tableName,
      handler: (event: DynamoDBStreamEvent) => router.handler(event, {} as never) as Promise<DynamoDBBatchResponse>,
      // Kept beside the data: after a crash the router picks up where it stopped.
      ...(options.dataDir ? { checkpointFile: join(dirname(options.dataDir), `stream-${tableName}.json`) } : {}),
      onError: (error) => log(`Stream poller: ${(error as Error).name}`),
    });
    cleanups.push(() => poller.stop());
    wroteToTable = () => poller.wake();
    const seeded = await seedSampleTallies(client, pollsTableName, polls);
    if (seeded) log(`Added ${seeded} sample event tallies to the closed sample poll`);
    const reviews = await seedSampleCaseReviews(client, tableName, clockNow());
    if (reviews) log(`Added ${reviews} sample ASB Case Review applications`);

    let sweeping: Promise<unknown> = Promise.resolve();
    const sweepNow = () =>
      (sweeping = sweeping
        .then(() => sweeper.handler())
        .catch((error: Error) => log(`Sweeper: ${error.name}`))
        .finally(wroteToTable));
    const timer = setInterval(() => void sweepNow(), options.sweepIntervalMs ?? 15_000);
    cleanups.push(async () => {
      clearInterval(timer);
      await sweeping;
    });

    let closing: Promise<{ finalised: string[]; mismatched: string[] }> = Promise.resolve({ finalised: [], mismatched: [] });
    const closePollsNow = () => (closing = closing.catch(() => undefined).then(() => pollCloser.handler().finally(wroteToTable)));
    const closeTimer = setInterval(
      () => void closePollsNow().catch((error: Error) => log(`Closing polls: ${error.name}`)),
      options.closePollsIntervalMs ?? 30_000,
    );
    cleanups.push(async () => {
      clearInterval(closeTimer);
      await closing.catch(() => undefined);
    });

    const siteDir = options.siteDir ?? SITE_DIST;
    // The live regions (the home page's polls, the responses on "You said, we did"): the same
    // job as in AWS, publishing over the built files in memory rather than to a bucket.
    const published = overlaySiteFiles(siteDir);
    const definitions = createPollDefinitionStore(client, pollsTableName);
    let refreshing: Promise<{ changed: string[]; failed: string[] }> = Promise.resolve({ changed: [], failed: [] });
    const refreshSiteNow = () =>
      (refreshing = refreshing
        .catch(() => undefined)
        .then(() =>
          refreshSiteRegions({
            files: published,
            polls: () => publishedPolls(definitions, () => clockNow().getTime(), 0).list(),
            now: clockNow,
          }),
        ));
    await refreshSiteNow();
    const refreshTimer = setInterval(
      () => void refreshSiteNow().catch((error: Error) => log(`Live regions: ${error.name}`)),
      options.liveRegionsIntervalMs ?? 30_000,
    );
    cleanups.push(async () => {
      clearInterval(refreshTimer);
      await refreshing.catch(() => undefined);
    });

    const http = await startHttpServer({
      port: options.port,
      siteDir,
      published: published.rewritten,
      signInOrigin: new URL(cognito.issuer).origin,
      evidenceOrigin: new URL(s3.endpoint).origin,
      partnershipName: defaultProfile().name,
      loadHandler: async (route: HttpRoute) => (await import(/* @vite-ignore */ join(ROOT, route.entry))).handler as LambdaHttpHandler,
      afterFunction: wroteToTable,
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
    cleanups.push(() => http.stop());

    return {
      url: http.url,
      mailUrl: ses.url,
      dynamoDbEndpoint: dynamo.endpoint,
      sesEndpoint: ses.url,
      tableName,
      pollsTableName,
      cognito,
      sweepNow,
      closePollsNow,
      refreshSiteNow,
      advanceClock,
      streamIdle: () => poller.idle(),
      s3: { endpoint: s3.endpoint, client: s3.client, ...buckets },
      evidenceIdle: async () => {
        while (scanning.size) await Promise.allSettled([...scanning]);
      },
      stopSes: async () => {
        if (ownSesPort === undefined) throw new Error(OWN_SES_ONLY);
        await ses.stop();
      },
      startSes: async () => {
        if (ownSesPort === undefined) throw new Error(OWN_SES_ONLY);
        const restarted = await startSesLocal({ port: ownSesPort });
        ses = restarted;
        if (options.pidDir) recordChild(options.pidDir, 'ses-local', restarted.process);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
