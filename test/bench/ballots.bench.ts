/**
 * Ballots through the local HTTP server: 32 voters at once on one poll, each with its
 * own voter cookie (made beforehand, not timed), against the floor: the same ballot
 * transaction (ballot put + counter shard update) sent straight to DynamoDB Local at
 * the same concurrency in the same run. Then the totals are checked to the token.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { Agent, fetch as undiciFetch } from 'undici';
import { startTestStack } from '../support/local-stack';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { createPollStore } from '../../functions/adapters/dynamodb/poll-store';
import { pollKeys } from '../../functions/adapters/dynamodb/polls-table-definition';
import { toItem } from '../../functions/adapters/dynamodb/item';
import { testPolls, writeTestPolls } from '../support/test-polls';
import { median, percentile, runConcurrently } from './stats';
import { takeTimeToVote } from '../support/voting';

export interface BallotFigures {
  ballots: number;
  concurrency: number;
  ballotP50Ms: number;
  ballotP99Ms: number;
  ballotsPerSecond: number;
  bareP50Ms: number;
  bareP99Ms: number;
  ratioP50: number;
  putItemP50Ms: number;
  totalsExact: boolean;
  errors: number;
}

const poll = testPolls.upTo;
const allocation = (i: number) => ({ [poll.options[Math.abs(i) % poll.options.length]!.id]: 1 + (Math.abs(i) % 3) });

export async function benchBallots(total = 2000, concurrency = 32, log = console.log): Promise<BallotFigures> {
  const stack = await startTestStack({ pollsDir: writeTestPolls() });
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  const client = localDynamoClient(stack.dynamoDbEndpoint);
  const store = createPollStore(client, stack.pollsTableName);
  try {
    const start = async () => {
      const res = await undiciFetch(`${stack.url}/api/polls/${poll.id}/start`, { method: 'POST', dispatcher: agent, redirect: 'manual' });
      await res.arrayBuffer();
      return res.headers.getSetCookie()[0]!.split(';')[0]!;
    };
    const warm = 100;
    log(`  ${total + warm} voters press "Start now" (not timed)…`);
    const cookies: string[] = [];
    await runConcurrently(total + warm, concurrency, async (i) => {
      cookies[i] = await start();
    });
    takeTimeToVote(stack);
    let errors = 0;
    const vote = async (i: number) => {
      const res = await undiciFetch(`${stack.url}/api/polls/${poll.id}/ballots`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', cookie: cookies[i]! },
        body: JSON.stringify({ allocation: allocation(i) }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) errors++;
    };
    const ballot = (i: number) => ({
      pollId: 'bench-floor',
      voterId: `v${i}-${Math.random()}`,
      counts: allocation(i),
      followUps: {},
      ipHash: '0123456789abcdef0123456789abcdef',
      castAt: new Date().toISOString(),
      expiresAt: 1,
    });
    const bare = async (i: number) => void (await store.castBallot(ballot(i), {}));
    log('  warming up…');
    await runConcurrently(warm, concurrency, (i) => vote(total + i));
    await runConcurrently(warm, concurrency, (i) => bare(-1 - i));
    // Interleave halves so drift on a shared machine hits both sides alike.
    const half = total / 2;
    log(`  bare ballot transaction ×${half}…`);
    const bare1 = await runConcurrently(half, concurrency, bare);
    log(`  POST /api/polls/{id}/ballots ×${half}…`);
    const vote1 = await runConcurrently(half, concurrency, vote);
    log(`  bare ballot transaction ×${half}…`);
    const bare2 = await runConcurrently(half, concurrency, (i) => bare(half + i));
    log(`  POST /api/polls/{id}/ballots ×${half}…`);
    const vote2 = await runConcurrently(half, concurrency, (i) => vote(half + i));
    log('  PutItem of one ballot alone, for reference…');
    const put = await runConcurrently(
      half,
      concurrency,
      async (i) =>
        void (await client.send(
          new PutItemCommand({ TableName: stack.pollsTableName, Item: toItem({ ...pollKeys.ballot('bench-put', `p${i}`), ...ballot(i) }) }),
        )),
    );

    const expected: Record<string, number> = {};
    for (let i = 0; i < total + warm; i++) for (const [k, n] of Object.entries(allocation(i))) expected[k] = (expected[k] ?? 0) + n;
    const live = await store.liveCounts(poll.id);
    const totalsExact = live.ballots === total + warm - errors && Object.entries(expected).every(([k, n]) => live.counts[k] === n);
    const voteLat = [...vote1.latencies, ...vote2.latencies];
    const bareLat = [...bare1.latencies, ...bare2.latencies];
    return {
      ballots: total,
      concurrency,
      ballotP50Ms: median(voteLat),
      ballotP99Ms: percentile(voteLat, 99),
      ballotsPerSecond: total / (vote1.seconds + vote2.seconds),
      bareP50Ms: median(bareLat),
      bareP99Ms: percentile(bareLat, 99),
      ratioP50: median(voteLat) / median(bareLat),
      putItemP50Ms: median(put.latencies),
      totalsExact,
      errors,
    };
  } finally {
    await agent.close();
    client.destroy();
    await stack.stop();
  }
}

export interface BurstFigures {
  voters: number;
  rounds: number;
  serverErrors: number;
  otherNon201: number;
  ballotP50Ms: number;
  ballotP99Ms: number;
  bareP50Ms: number;
  ratioP50: number;
  totalsExact: boolean;
}

/**
 * A burst: `voters` residents press "Send" at the same moment (no client-side pool:
 * every request in flight at once), `rounds` times with new voters, against the same
 * number of bare ballot transactions sent at once. Every answer must be 201.
 */
export async function benchBallotBurst(voters = 300, rounds = 3, log = console.log): Promise<BurstFigures> {
  const stack = await startTestStack({ pollsDir: writeTestPolls() });
  const agent = new Agent({ connections: voters, keepAliveTimeout: 10_000 });
  const client = localDynamoClient(stack.dynamoDbEndpoint);
  const store = createPollStore(client, stack.pollsTableName);
  let serverErrors = 0;
  let otherNon201 = 0;
  const ballotLat: number[] = [];
  const bareLat: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const cookies = await Promise.all(
        Array.from({ length: voters }, async () => {
          const res = await undiciFetch(`${stack.url}/api/polls/${poll.id}/start`, {
            method: 'POST',
            dispatcher: agent,
            redirect: 'manual',
          });
          await res.arrayBuffer();
          return res.headers.getSetCookie()[0]!.split(';')[0]!;
        }),
      );
      takeTimeToVote(stack);
      log(`  round ${round + 1}: ${voters} ballots at once…`);
      await Promise.all(
        cookies.map(async (cookie, i) => {
          const t = performance.now();
          const res = await undiciFetch(`${stack.url}/api/polls/${poll.id}/ballots`, {
            method: 'POST',
            dispatcher: agent,
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ allocation: allocation(round * voters + i) }),
          });
          await res.arrayBuffer();
          ballotLat.push(performance.now() - t);
          if (res.status >= 500) serverErrors++;
          else if (res.status !== 201) otherNon201++;
        }),
      );
      log(`  round ${round + 1}: ${voters} bare ballot transactions at once…`);
      await Promise.all(
        Array.from({ length: voters }, async (_, i) => {
          const t = performance.now();
          await store.castBallot(
            {
              pollId: 'burst-floor',
              voterId: `r${round}-v${i}`,
              counts: allocation(i),
              followUps: {},
              ipHash: '0123456789abcdef0123456789abcdef',
              castAt: new Date().toISOString(),
              expiresAt: 1,
            },
            {},
          );
          bareLat.push(performance.now() - t);
        }),
      );
    }
    const expected: Record<string, number> = {};
    for (let i = 0; i < voters * rounds; i++) for (const [k, n] of Object.entries(allocation(i))) expected[k] = (expected[k] ?? 0) + n;
    const live = await store.liveCounts(poll.id);
    const totalsExact = live.ballots === voters * rounds && Object.entries(expected).every(([k, n]) => live.counts[k] === n);
    return {
      voters,
      rounds,
      serverErrors,
      otherNon201,
      ballotP50Ms: median(ballotLat),
      ballotP99Ms: percentile(ballotLat, 99),
      bareP50Ms: median(bareLat),
      ratioP50: median(ballotLat) / median(bareLat),
      totalsExact,
    };
  } finally {
    await agent.close();
    client.destroy();
    await stack.stop();
  }
}
