/**
 * Report submission through the local HTTP server (2,000 reports, 16 concurrent
 * clients) against the floor: the same TransactWriteItems sent straight to DynamoDB
 * Local, same concurrency, same run.
 */
import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Agent, fetch as undiciFetch } from 'undici';
import { freePort } from '../../infra/local/ports';
import { startLocalStack } from '../../infra/local/local-stack';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { median, percentile, runConcurrently } from './stats';
import report from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

export interface SubmitFigures {
  reports: number;
  concurrency: number;
  submitP50Ms: number;
  submitP99Ms: number;
  reportsPerSecond: number;
  bareP50Ms: number;
  bareP99Ms: number;
  ratioP50: number;
  errors: number;
}

export async function benchSubmit(total = 2000, concurrency = 16, log = console.log): Promise<SubmitFigures> {
  const stack = await startLocalStack({ port: await freePort(), dynamoDbPort: await freePort(), sesPort: await freePort(), cognitoPort: await freePort(), tableName: 'bench-reports', sweepIntervalMs: 3_600_000 });
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  const client = localDynamoClient(stack.dynamoDbEndpoint);
  try {
    let errors = 0;
    const submit = async (i: number) => {
      const res = await undiciFetch(`${stack.url}/api/reports`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...report, description: `${report.description} #${i}-${Math.random()}` }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) errors++;
    };
    // The same three items per report the submit path writes for this fixture
    // (idempotency marker, report, one outbox entry per partner).
    const bare = async (i: number) => {
      const ref = `B${i.toString().padStart(7, '0')}`;
      const now = new Date().toISOString();
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: stack.tableName, Item: marshall({ ...keys.idempotency(`bench-${i}-${Math.random()}`), reference: ref, expiresAt: 1 }), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: stack.tableName, Item: marshall({ ...keys.report(ref), entity: 'bench', reference: ref, createdAt: now, report, expiresAt: 1 }), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...['council-asb-team', 'fire-rescue', 'riverside-homes'].map((t) => ({ Put: { TableName: stack.tableName, Item: marshall({ ...keys.outbox(ref, t), entity: 'bench', state: 'pending', expiresAt: 1 }) } })),
          ],
        }),
      );
    };
    log(`  warming up…`);
    await runConcurrently(100, concurrency, (i) => submit(-1 - i));
    await runConcurrently(100, concurrency, (i) => bare(1_000_000 + i));
    // Interleave halves so drift on a shared machine hits both sides alike.
    const half = total / 2;
    log(`  bare TransactWriteItems ×${half}…`);
    const bare1 = await runConcurrently(half, concurrency, bare);
    log(`  POST /api/reports ×${half}…`);
    const sub1 = await runConcurrently(half, concurrency, submit);
    log(`  bare TransactWriteItems ×${half}…`);
    const bare2 = await runConcurrently(half, concurrency, (i) => bare(half + i));
    log(`  POST /api/reports ×${half}…`);
    const sub2 = await runConcurrently(half, concurrency, (i) => submit(half + i));
    const submitLat = [...sub1.latencies, ...sub2.latencies];
    const bareLat = [...bare1.latencies, ...bare2.latencies];
    return {
      reports: total,
      concurrency,
      submitP50Ms: median(submitLat),
      submitP99Ms: percentile(submitLat, 99),
      reportsPerSecond: total / (sub1.seconds + sub2.seconds),
      bareP50Ms: median(bareLat),
      bareP99Ms: percentile(bareLat, 99),
      ratioP50: median(submitLat) / median(bareLat),
      errors,
    };
  } finally {
    await agent.close();
    client.destroy();
    await stack.stop();
  }
}
