/**
 * A resident opening their private link, through the local HTTP server (1,000 opens of
 * 50 reports, 8 at a time), against the floor: a bare GetItem of the same report items,
 * same concurrency, same run. The ratio is what the key check, the updates and incidents
 * queries and the page add. Then adding incidents through the link (JSON, 400 of them)
 * against the same transaction written by the report store itself.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Agent, fetch as undiciFetch } from 'undici';
import { randomBytes } from 'node:crypto';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { tableSecret } from '../../functions/adapters/dynamodb/table-secret';
import { createReportStore } from '../../functions/adapters/dynamodb/report-store';
import { privateLinkPath } from '../../functions/reports/private-link';
import { pendingEntry } from '../../functions/reports/records';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { startTestStack } from '../support/local-stack';
import { median, percentile, runConcurrently } from './stats';
import report from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };

export interface PrivateLinkFigures {
  opens: number;
  concurrency: number;
  pageP50Ms: number;
  pageP99Ms: number;
  getItemP50Ms: number;
  getItemP99Ms: number;
  ratioP50: number;
  errors: number;
  incidents: number;
  addP50Ms: number;
  addP99Ms: number;
  bareAddP50Ms: number;
  bareAddP99Ms: number;
  addRatioP50: number;
  addErrors: number;
}

export async function benchPrivateLink(total = 1000, concurrency = 8, log = console.log): Promise<PrivateLinkFigures> {
  const stack = await startTestStack();
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  const client = localDynamoClient(stack.dynamoDbEndpoint);
  try {
    log('  sending 50 reports…');
    const references: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await undiciFetch(`${stack.url}/api/reports`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...report, description: `${report.description} #${i}-${Math.random()}` }),
      });
      references.push(((await res.json()) as { reference: string }).reference);
    }
    // The same key the functions sign links with (made now if no page has needed it yet).
    const secret = await tableSecret(client, stack.tableName, keys.receiptSecret(), () => randomBytes(32).toString('base64url'));
    const links = references.map((r) => privateLinkPath(secret, r));
    let errors = 0;
    // Each open from its own viewer address, as many residents would: the per-address limit is not what is measured.
    const open = async (i: number) => {
      const res = await undiciFetch(`${stack.url}${links[i % links.length]}`, {
        dispatcher: agent,
        headers: { 'cloudfront-viewer-address': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:443` },
      });
      await res.arrayBuffer();
      if (res.status !== 200) errors++;
    };
    const bare = async (i: number) => {
      await client.send(
        new GetItemCommand({
          TableName: stack.tableName,
          Key: marshall(keys.report(references[i % references.length]!)),
          ConsistentRead: true,
        }),
      );
    };
    log('  warming up…');
    await runConcurrently(100, concurrency, (i) => open(100_000 + i));
    await runConcurrently(100, concurrency, bare);
    const half = total / 2;
    log(`  bare GetItem ×${half}…`);
    const bare1 = await runConcurrently(half, concurrency, bare);
    log(`  GET private link ×${half}…`);
    const page1 = await runConcurrently(half, concurrency, open);
    log(`  bare GetItem ×${half}…`);
    const bare2 = await runConcurrently(half, concurrency, bare);
    log(`  GET private link ×${half}…`);
    const page2 = await runConcurrently(half, concurrency, (i) => open(half + i));
    const pageLat = [...page1.latencies, ...page2.latencies];
    const bareLat = [...bare1.latencies, ...bare2.latencies];

    // Adding incidents: through the link, and the same transaction by the store itself.
    const store = createReportStore(client, stack.tableName);
    const stored = await store.get(references[0]!);
    let addErrors = 0;
    const add = async (i: number) => {
      const res = await undiciFetch(`${stack.url}${links[i % links.length]}`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: `It happened again #${i}`, ongoing: true, offenderDescription: 'The same two men' }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) addErrors++;
    };
    const bareAdd = async (i: number) => {
      const now = new Date(Date.now() + i);
      const at = now.toISOString();
      const outbox = stored!.routes.map((r) =>
        pendingEntry(stored!, { kind: 'partner', partnerId: r.partnerId, dataLevel: r.dataLevel, incidentAt: at }, now, `incident-b${i}`),
      );
      await store.addIncident(
        {
          reference: stored!.reference,
          at: `${at}-${i}`,
          incident: { description: `Bare #${i}`, ongoing: true },
          expiresAt: stored!.expiresAt,
        },
        outbox,
        stored!.routes.map((r) => r.partnerId),
      );
    };
    const adds = 400;
    log(`  bare incident transaction ×${adds / 2}…`);
    const bareAdd1 = await runConcurrently(adds / 2, concurrency, bareAdd);
    log(`  POST incident ×${adds / 2}…`);
    const add1 = await runConcurrently(adds / 2, concurrency, add);
    log(`  bare incident transaction ×${adds / 2}…`);
    const bareAdd2 = await runConcurrently(adds / 2, concurrency, (i) => bareAdd(adds + i));
    log(`  POST incident ×${adds / 2}…`);
    const add2 = await runConcurrently(adds / 2, concurrency, (i) => add(adds + i));
    const addLat = [...add1.latencies, ...add2.latencies];
    const bareAddLat = [...bareAdd1.latencies, ...bareAdd2.latencies];
    return {
      incidents: adds,
      addP50Ms: median(addLat),
      addP99Ms: percentile(addLat, 99),
      bareAddP50Ms: median(bareAddLat),
      bareAddP99Ms: percentile(bareAddLat, 99),
      addRatioP50: median(addLat) / median(bareAddLat),
      addErrors,
      opens: total,
      concurrency,
      pageP50Ms: median(pageLat),
      pageP99Ms: percentile(pageLat, 99),
      getItemP50Ms: median(bareLat),
      getItemP99Ms: percentile(bareLat, 99),
      ratioP50: median(pageLat) / median(bareLat),
      errors,
    };
  } finally {
    await agent.close();
    client.destroy();
    await stack.stop();
  }
}
