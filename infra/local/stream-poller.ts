/**
 * Feeds DynamoDB Local's stream to the router handler the way Lambda's event source
 * mapping does in AWS: batches of records, partial batch failures retried with
 * back-off, then given up (the sweeper re-sends whatever is still pending). With a
 * checkpoint file it resumes after the last batch it handed on, as the event source
 * mapping does after an outage, instead of skipping what was written while it was down.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export interface StreamPollerOptions {
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  /** Retries of failed records before giving up (AWS: maximumRetryAttempts). */
  maxRetries?: number;
  /** The pause between rounds while records arrive, and after `wake()`. */
  intervalMs?: number;
  /**
   * The longest pause between rounds: each round that finds nothing doubles the pause up to
   * this. Lambda's event source mapping polls a shard about four times a second; polling a
   * quiet stream ten times a second cost DynamoDB Local a fortieth of a core per table.
   */
  maxIntervalMs?: number;
  /** The pauses' timer (tests step through the pauses instead of waiting them out). */
  timers?: PauseTimers;
  /** Where to start on shards that exist at startup, when there is no checkpoint. */
  startAt?: 'LATEST' | 'TRIM_HORIZON';
  /**
   * Where the last sequence number handed on from each shard is kept. When it exists at
   * startup, every shard resumes just after it (shards it does not name, from their start).
   */
  checkpointFile?: string;
  onError?: (error: unknown) => void;
}

export interface PauseTimers {
  set(done: () => void, ms: number): unknown;
  clear(timer: unknown): void;
}

const REAL_TIMERS: PauseTimers = { set: (done, ms) => setTimeout(done, ms), clear: (timer) => clearTimeout(timer as NodeJS.Timeout) };

export interface StreamPoller {
  stop(): Promise<void>;
  /** Something was written (a request was answered): look now, not after the pause. */
  wake(): void;
  /** Resolves once every record read so far has been handed to the handler. */
  idle(): Promise<void>;
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const table = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);
  const iterators = new Map<string, string | undefined>();
  /** The last record handed on from each shard, to pick up after it with a fresh iterator. */
  const lastSequence = new Map<string, string>();
  // DynamoDB Local rounds ApproximateCreationDateTime down to the minute.
  const startedAt = Math.floor(Date.now() / 60_000) * 60_000;
  const done = new Set<string>();
  const checkpoint = readCheckpoint(options.checkpointFile);
  /** The last sequence number handed to the handler from each shard (what the checkpoint keeps). */
  const handled = new Map<string, string>(Object.entries(checkpoint ?? {}));
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();
  const maxRetries = options.maxRetries ?? 3;

  async function discoverShards(initial: boolean): Promise<void> {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId!;
      if (iterators.has(id) || done.has(id)) continue;
      const after = checkpoint?.[id];
      if (initial && after) {
        lastSequence.set(id, after);
        const resumed = await streams
          .send(
            new GetShardIteratorCommand({
              StreamArn: streamArn,
              ShardId: id,
              ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
              SequenceNumber: after,
            }),
          )
          .catch(() => undefined);
        if (resumed) {
          iterators.set(id, resumed.ShardIterator);
          continue;
        }
      }
      const type = initial && !checkpoint ? (options.startAt ?? 'LATEST') : 'TRIM_HORIZON';
      const it = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: type }));
      iterators.set(id, it.ShardIterator);
    }
  }

  async function deliver(records: DynamoDBRecord[]): Promise<void> {
    let pending = records;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const response = await options.handler({ Records: pending });
      const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      pending = pending.filter((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
      if (pending.length === 0 || attempt >= maxRetries || stopped) return;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }

  /** One read of every shard; true if any record came back. */
  async function pollOnce(): Promise<boolean> {
    let found = false;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) {
        iterators.delete(shardId);
        done.add(shardId);
        continue;
      }
      let out: GetRecordsCommandOutput;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        // DynamoDB Local invalidates a shard's iterator when other tables are written
        // (TrimmedDataAccessException), which Lambda never sees in AWS. Start again just
        // after the last record handed on, or from the start of the shard, skipping
        // records older than this poller (as LATEST would have).
        if ((error as Error).name !== 'TrimmedDataAccessException' && (error as Error).name !== 'ExpiredIteratorException') throw error;
        const after = lastSequence.get(shardId);
        const fresh = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
          }),
        );
        iterators.set(shardId, fresh.ShardIterator);
        continue;
      }
      iterators.set(shardId, out.NextShardIterator);
      if (out.Records?.length) found = true;
      const fresh = (out.Records ?? []).filter(
        (r) =>
          checkpoint ||
          lastSequence.has(shardId) ||
          (options.startAt ?? 'LATEST') === 'TRIM_HORIZON' ||
          (r.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Infinity) >= startedAt,
      );
      const last = out.Records?.[out.Records.length - 1]?.dynamodb?.SequenceNumber;
      if (last) lastSequence.set(shardId, last);
      const records = fresh.map(toLambdaRecord);
      if (records.length > 0) await deliver(records);
      // Saved after the handler has had the batch: a crash replays at most one batch, which
      // the router tolerates (a sent email is skipped, a claimed one waits for its claim).
      if (last && handled.get(shardId) !== last) {
        handled.set(shardId, last);
        writeCheckpoint(options.checkpointFile, handled);
      }
    }
    return found;
  }

  await discoverShards(true);
  let rounds = 0;
  const quickest = options.intervalMs ?? 100;
  const slowest = Math.max(quickest, options.maxIntervalMs ?? 800);
  let pause = quickest;
  const timers = options.timers ?? REAL_TIMERS;
  /** Set by `wake()`: the next pause is the quickest, whether it came during a round or a pause. */
  let woken = false;
  let shorten: (() => void) | undefined;
  const wake = () => {
    woken = true;
    shorten?.();
  };
  const loop = (async () => {
    while (!stopped) {
      let found = false;
      woken = false;
      busy = (async () => {
        try {
          if (++rounds % 20 === 0) await discoverShards(false);
          found = await pollOnce();
        } catch (error) {
          options.onError?.(error);
        }
      })();
      await busy;
      if (stopped) break;
      pause = found || woken ? quickest : Math.min(pause * 2, slowest);
      const pausedAt = Date.now();
      await new Promise<void>((resolve) => {
        let timer = timers.set(resolve, pause);
        // Still `quickest` after the last round, as when the stream is busy: a burst of writes
        // never makes rounds run back to back.
        shorten = () => {
          timers.clear(timer);
          if (stopped) return resolve();
          timer = timers.set(resolve, Math.max(0, pausedAt + quickest - Date.now()));
        };
      });
      shorten = undefined;
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await loop;
      streams.destroy();
    },
    async idle() {
      // Two full rounds: the one in flight, and one that reads anything written during it.
      for (let i = 0; i < 2; i++) {
        const current = rounds;
        wake();
        while (rounds === current && !stopped) await new Promise((r) => setTimeout(r, 20));
        await busy;
      }
    },
  };
}

function readCheckpoint(file: string | undefined): Record<string, string> | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { shards: Record<string, string> }).shards;
  } catch {
    // A torn or hand-edited file: start every shard from its beginning (deliveries are idempotent).
    return {};
  }
}

function writeCheckpoint(file: string | undefined, handled: Map<string, string>): void {
  if (!file) return;
  // Written aside and renamed, so a kill mid-write never leaves half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify({ shards: Object.fromEntries(handled) }));
  renameSync(`${file}.tmp`, file);
}

/**
 * DynamoDB Local's stream writes an empty map as `{}` where DynamoDB (and so Lambda) writes
 * `{"M": {}}`, and `{}` is no attribute value at all: unmarshalling it throws. Every other
 * type names itself, so a value with no key can only be an empty map: put its name back.
 */
export function withEmptyMaps(image: Record<string, unknown>): Record<string, unknown> {
  const value = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const attribute = v as { M?: Record<string, unknown>; L?: unknown[] };
    if (Object.keys(attribute).length === 0) return { M: {} };
    if (attribute.M) return { M: withEmptyMaps(attribute.M) };
    if (attribute.L) return { L: attribute.L.map(value) };
    return v;
  };
  return Object.fromEntries(Object.entries(image).map(([name, v]) => [name, value(v)]));
}

/** The DynamoDB Streams API record, shaped as Lambda delivers it. */
function toLambdaRecord(record: _Record): DynamoDBRecord {
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-2',
    dynamodb: {
      ...(record.dynamodb?.Keys ? { Keys: record.dynamodb.Keys as never } : {}),
      ...(record.dynamodb?.NewImage ? { NewImage: withEmptyMaps(record.dynamodb.NewImage) as never } : {}),
      ...(record.dynamodb?.OldImage ? { OldImage: withEmptyMaps(record.dynamodb.OldImage) as never } : {}),
      SequenceNumber: record.dynamodb?.SequenceNumber,
      SizeBytes: record.dynamodb?.SizeBytes,
      StreamViewType: record.dynamodb?.StreamViewType as never,
      ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
        ? record.dynamodb.ApproximateCreationDateTime.getTime() / 1000
        : undefined,
    },
  };
}
