/**
 * After a crash the local stream poller resumes after the last batch it handed on, as
 * Lambda's event source mapping does: what was written while it was down reaches the
 * router, and what it had already handed on is not handed on again. DynamoDB Local is
 * restarted on the same data between the two pollers, as after a killed `npm start`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, expect, it } from 'vitest';
import { ensureReportsTable } from '../../infra/local/create-tables';
import { localDynamoClient, startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/ports';
import { startStreamPoller } from '../../infra/local/stream-poller';

const dir = mkdtempSync(join(tmpdir(), 'csp-stream-resume-'));
let dynamo: DynamoDbLocal | undefined;
afterAll(async () => {
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('hands on what was written while it was stopped, once, and nothing twice', async () => {
  const port = await freePort();
  const checkpointFile = join(dir, 'stream.json');
  const seen: string[] = [];
  const handler = async (event: DynamoDBStreamEvent) => {
    seen.push(...event.Records.map((r: DynamoDBRecord) => String(r.dynamodb?.Keys?.pk?.S)));
    return { batchItemFailures: [] };
  };
  const put = (client: ReturnType<typeof localDynamoClient>, id: string) =>
    client.send(new PutItemCommand({ TableName: 'resume', Item: marshall({ pk: id, sk: 'X' }) }));
  const until = async (predicate: () => boolean) => {
    for (const started = Date.now(); !predicate(); ) {
      if (Date.now() - started > 20_000) throw new Error(`Stream records seen: ${seen.join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  dynamo = await startDynamoDbLocal({ port, dataDir: join(dir, 'db'), shortLived: true });
  let client = localDynamoClient(dynamo.endpoint);
  await ensureReportsTable(client, 'resume');
  let poller = await startStreamPoller({ client, endpoint: dynamo.endpoint, tableName: 'resume', handler, checkpointFile, intervalMs: 20 });
  await put(client, 'before-1');
  await put(client, 'before-2');
  await until(() => seen.length === 2);
  await poller.stop();

  // Down: the portal was killed, and these are written meanwhile (by the sweeper's own
  // updates, or a second process); DynamoDB Local comes back on the same files.
  await put(client, 'while-down-1');
  await put(client, 'while-down-2');
  client.destroy();
  await dynamo.stop();
  dynamo = await startDynamoDbLocal({ port, dataDir: join(dir, 'db'), shortLived: true });
  client = localDynamoClient(dynamo.endpoint);

  poller = await startStreamPoller({ client, endpoint: dynamo.endpoint, tableName: 'resume', handler, checkpointFile, intervalMs: 20 });
  await put(client, 'after');
  await until(() => seen.includes('after'));
  await poller.idle();
  await poller.stop();
  client.destroy();
  expect(seen).toEqual(['before-1', 'before-2', 'while-down-1', 'while-down-2', 'after']);
});
