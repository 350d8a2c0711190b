/**
 * Report persistence on DynamoDB. Keys and expressions stay in this file (one adapter
 * per technology); callers see StoredReport and OutboxEntry only.
 */
import {
  GetItemCommand,
  ConditionalCheckFailedException,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  TransactionCanceledException,
  type DynamoDBClient,
  type Update,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ALL_LISTINGS, keys, PENDING, reportsTable } from './table-definition';
import { listingItems } from './listing';
import { counterMoves, scopesOf } from './status-counters';
import { batchGetAll, queryItems, toItem } from './item';
import type { DeliveryAttempt, IncidentRecord, MessageRecord, OutboxEntry, ResidentUpdate, StoredReport } from '../../reports/records';
import type { ReportStore } from '../../reports/ports';

/** Pages of pending entries read to find the oldest (1 MB each: far beyond any real backlog). */
const OLDEST_PENDING_MAX_PAGES = 20;

/** Tries at a resident's record when concurrent writes to its report conflict (each one is quick). */
const CONFLICT_ATTEMPTS = 4;

/** One side of a delivery change: what to set, and the condition it needs. */
type DeliveryChange = Pick<Update, 'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

export function createReportStore(client: DynamoDBClient, tableName: string): ReportStore {
  /**
   * The outbox item and the report's delivery log (`deliveries.#target`) change together or
   * not at all; false when either condition fails.
   */
  const changeDelivery = async (reference: string, targetId: string, outbox: DeliveryChange, log: DeliveryChange): Promise<boolean> => {
    try {
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Update: { TableName: tableName, Key: marshall(keys.outbox(reference, targetId)), ...outbox } },
            {
              Update: {
                TableName: tableName,
                Key: marshall(keys.deliveryLog(reference)),
                ...log,
                ExpressionAttributeNames: { ...log.ExpressionAttributeNames, '#target': targetId },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  };

  /**
   * A record the resident added (an incident, a message) with the emails it sends, in one
   * transaction that also needs the report to be there; 'gone' when it is not. The report
   * and its listings count it as it is written: a message as unread (the officers' listing
   * only), an incident as one more on every listing, so the inbox counts without a query.
   */
  const addResidentRecord = async (
    item: Record<string, unknown> & { at: string },
    reference: string,
    outbox: OutboxEntry[],
    counts: { kind: 'message' } | { kind: 'incident'; partners: string[] },
  ): Promise<'ok' | 'gone'> => {
    const log = Object.fromEntries(outbox.map((entry, i) => [`#target${i}`, entry.targetId]));
    // What each item gains, as SET clauses with their values and one ADD: a message counts as
    // unread (and enters the unread index's sparse key) on the officers' listing; an incident
    // counts on the report and every listing.
    type Change = { set: string[]; values: Record<string, unknown> };
    const one = { ':one': 1 };
    const incident = { set: ['lastIncidentAt = :at'], values: { ...one, ':at': item.at } };
    const { add, report, listing }: { add: string; report: Change; listing: Change } =
      counts.kind === 'message'
        ? {
            add: 'unreadMessages :one',
            report: { set: [], values: one },
            listing: { set: ['inboxUnread = :all'], values: { ...one, ':all': ALL_LISTINGS } },
          }
        : { add: 'incidentCount :one', report: incident, listing: incident };
    const listings = counts.kind === 'message' ? ['ALL'] : ['ALL', ...counts.partners];
    const expression = (sets: string[]) => `${sets.length ? `SET ${sets.join(', ')} ` : ''}ADD ${add}`;
    // The report's delivery log shows each email queued.
    const deliveries = outbox.map((_, i) => `deliveries.#target${i} = :pending`);
    const pending = outbox.length ? { ':pending': { state: 'pending', attempts: 0 } } : {};
    const write = () =>
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: toItem(item), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...outbox.map((entry) => ({
              Put: {
                TableName: tableName,
                Item: outboxItem(entry),
              },
            })),
            // The report must still be there; its delivery log shows each email queued.
            {
              Update: {
                TableName: tableName,
                Key: marshall(keys.report(reference)),
                UpdateExpression: expression([...deliveries, ...report.set]),
                ConditionExpression: 'attribute_exists(pk)',
                ...(outbox.length ? { ExpressionAttributeNames: log } : {}),
                ExpressionAttributeValues: marshall({ ...report.values, ...pending }),
              },
            },
            ...listings.map((scope) => ({
              Update: {
                TableName: tableName,
                Key: marshall(keys.listing(reference, scope)),
                UpdateExpression: expression(listing.set),
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: marshall(listing.values),
              },
            })),
          ],
        }),
      );
    // Another write to the same report at the same moment (an email's delivery being logged)
    // cancels the transaction without failing a condition: that is worth another try, not a
    // "gone" to the resident. Only a failed condition means the report is not there.
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return 'ok';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const conflict = error.CancellationReasons?.some((r) => r.Code === 'TransactionConflict');
        if (!conflict) return 'gone';
        if (attempt === CONFLICT_ATTEMPTS) throw error;
      }
    }
  };

  /** One thing the resident added (an incident, a message), read back as written. */
  const residentRecord = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
    const out = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(key), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _e, ...rest } = unmarshall(out.Item);
    return rest as T;
  };

  return {
    async create(report, outbox, idempotency) {
      const nowSeconds = Math.floor(Date.now() / 1000);
      const items: TransactWriteItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: toItem({
              ...keys.idempotency(idempotency.hash),
              entity: 'idempotency',
              reference: report.reference,
              requestHash: idempotency.requestHash,
              expiresAt: idempotency.expiresAt,
            }),
            // An expired marker may linger until TTL removes it (up to ~48 h), so compare times too.
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
            ExpressionAttributeValues: marshall({ ':now': nowSeconds }),
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: toItem({ ...keys.report(report.reference), entity: 'report', ...report }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...listingItems(report).map((item) => ({ Put: { TableName: tableName, Item: toItem(item) } })),
        ...counterMoves(tableName, report, scopesOf(report.routes.map((r) => r.partnerId)), undefined, report.status),
        ...outbox.map((entry) => ({
          Put: {
            TableName: tableName,
            Item: outboxItem(entry),
          },
        })),
      ];
      const markerNow = async () => {
        const out = await client.send(
          new GetItemCommand({ TableName: tableName, Key: marshall(keys.idempotency(idempotency.hash)), ConsistentRead: true }),
        );
        return out.Item ? unmarshall(out.Item) : undefined;
      };
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
        return { outcome: 'created' };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) {
          // The write may have happened (a timeout, a dropped connection): the marker, written in
          // the same transaction, says whether it did, so a stored report is never reported lost.
          const marker = await markerNow().catch(() => undefined);
          if (marker?.reference === report.reference) return { outcome: 'created' };
          throw error;
        }
        const [idem, rep] = error.CancellationReasons ?? [];
        if (idem?.Code === 'ConditionalCheckFailed') {
          const marker = await markerNow();
          // Only the sender of the very same report learns its reference again.
          if (marker && marker.requestHash !== idempotency.requestHash) return { outcome: 'key-reused' };
          if (typeof marker?.reference === 'string') return { outcome: 'duplicate', reference: marker.reference };
        }
        if (rep?.Code === 'ConditionalCheckFailed') return { outcome: 'reference-taken' };
        throw error;
      }
    },

    async get(reference) {
      const out = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(keys.report(reference)), ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      const { pk: _pk, sk: _sk, entity: _e, ...rest } = unmarshall(out.Item);
      return rest as StoredReport;
    },

    async getMany(references) {
      const items = await batchGetAll(
        client,
        tableName,
        references.map((r) => keys.report(r)),
      );
      return new Map(items.map(({ pk: _pk, sk: _sk, entity: _e, ...rest }) => [rest.reference as string, rest as unknown as StoredReport]));
    },

    async residentUpdates(reference) {
      const updates: ResidentUpdate[] = [];
      const input = {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :u)',
        ExpressionAttributeValues: marshall({ ':pk': keys.report(reference).pk, ':u': keys.outbox(reference, 'resident-update').sk }),
        ConsistentRead: true,
      };
      for await (const item of queryItems(client, input)) {
        const entry = fromOutboxItem(item);
        if (entry.target.kind === 'resident-update') updates.push({ at: entry.createdAt, message: entry.target.message });
      }
      return updates.sort((a, b) => a.at.localeCompare(b.at));
    },

    addIncident: (record, outbox, partners) =>
      addResidentRecord({ ...keys.incident(record.reference, record.at), entity: 'incident', ...record }, record.reference, outbox, {
        kind: 'incident',
        partners,
      }),

    addMessage: (record, outbox) =>
      addResidentRecord({ ...keys.message(record.reference, record.at), entity: 'message', ...record }, record.reference, outbox, {
        kind: 'message',
      }),

    getMessage: (reference, at) => residentRecord<MessageRecord>(keys.message(reference, at)),

    async residentRecords(reference) {
      // INCIDENT# and MESSAGE# sort either side of the few LISTING# items: one range, one read.
      const input = {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: marshall({ ':pk': keys.report(reference).pk, ':from': 'INCIDENT#', ':to': 'MESSAGE#\uffff' }),
        ConsistentRead: true,
      };
      const incidents: IncidentRecord[] = [];
      const messages: MessageRecord[] = [];
      for await (const { pk: _pk, sk, entity, ...rest } of queryItems(client, input)) {
        if (entity === 'incident') incidents.push(rest as unknown as IncidentRecord);
        else if (entity === 'message') messages.push(rest as unknown as MessageRecord);
      }
      const oldestFirst = (a: { at: string }, b: { at: string }) => a.at.localeCompare(b.at);
      return { incidents: incidents.sort(oldestFirst), messages: messages.sort(oldestFirst) };
    },

    getIncident: (reference, at) => residentRecord<IncidentRecord>(keys.incident(reference, at)),

    async getOutbox(reference, targetId) {
      const out = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(keys.outbox(reference, targetId)), ConsistentRead: true }),
      );
      return out.Item ? fromOutboxItem(unmarshall(out.Item)) : undefined;
    },

    async claim(entry, claimId, now, until) {
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: marshall(keys.outbox(entry.reference, entry.targetId)),
            // nextAttemptAt moves to the lease's end, so the sweeper does not even list it meanwhile.
            UpdateExpression: 'SET claimId = :claim, claimedUntil = :until, nextAttemptAt = :until',
            ConditionExpression: '#state = :pending AND attempts = :prev AND (attribute_not_exists(claimedUntil) OR claimedUntil <= :now)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: marshall({
              ':claim': claimId,
              ':until': until,
              ':pending': 'pending',
              ':prev': entry.attempts,
              ':now': now,
            }),
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async recordDelivery(entry, delivery, claimId) {
      // The attempt joins the entry's history, so the case timeline can say what happened each time.
      const attempt: DeliveryAttempt = {
        attempt: delivery.attempts,
        at: delivery.lastAttemptAt ?? new Date().toISOString(),
        outcome: delivery.state === 'sent' ? 'sent' : delivery.state === 'failed' ? 'failed' : 'not-sent',
        error: delivery.state === 'sent' ? undefined : delivery.lastError,
        nextAttemptAt: delivery.state === 'pending' ? delivery.nextAttemptAt : undefined,
      };
      const values = marshall(
        {
          ':state': delivery.state,
          ':attempts': delivery.attempts,
          ':prev': entry.attempts,
          ':sent': 'sent',
          ':attempt': [attempt],
          ':none': [],
          ...(claimId ? { ':claim': claimId } : {}),
        },
        { removeUndefinedValues: true },
      );
      const fields = ['lastAttemptAt', 'lastError', 'messageId', 'nextAttemptAt'] as const;
      const set = ['#state = :state', 'attempts = :attempts', 'history = list_append(if_not_exists(history, :none), :attempt)'];
      // Only pending entries stay in the sweeper's index; sent and failed ones leave it.
      const remove: string[] = [...(delivery.state === 'pending' ? [] : ['outboxPending']), 'claimId', 'claimedUntil'];
      const fieldValues: Record<string, unknown> = {};
      for (const f of fields) {
        if (delivery[f] !== undefined) {
          set.push(`${f} = :${f}`);
          fieldValues[`:${f}`] = delivery[f];
        } else remove.push(f);
      }
      return changeDelivery(
        entry.reference,
        entry.targetId,
        {
          UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          // Optimistic: only the attempt that read `attempts` may record the next one,
          // and a sent email is never marked unsent by a late retry.
          ConditionExpression: `#state <> :sent AND attempts = :prev${claimId ? ' AND claimId = :claim' : ''}`,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ...values, ...marshall(fieldValues) },
        },
        {
          UpdateExpression: 'SET deliveries.#target = :d',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: marshall({ ':d': delivery }, { removeUndefinedValues: true }),
        },
      );
    },

    async listDue(now, limit) {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: reportsTable.indexes[0]!.name,
          KeyConditionExpression: 'outboxPending = :p AND nextAttemptAt <= :now',
          ExpressionAttributeValues: marshall({ ':p': PENDING, ':now': now }),
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((item) => fromOutboxItem(unmarshall(item)));
    },

    async recordFeedback(reference, targetId, messageId, feedback) {
      return changeDelivery(
        reference,
        targetId,
        // Only the email SES accepted under this id: a stray or replayed event changes nothing.
        {
          UpdateExpression: 'SET feedback = :f',
          ConditionExpression: 'messageId = :m',
          ExpressionAttributeValues: marshall({ ':f': feedback, ':m': messageId }),
        },
        {
          UpdateExpression: 'SET deliveries.#target.feedback = :f',
          ConditionExpression: 'attribute_exists(deliveries.#target)',
          ExpressionAttributeValues: marshall({ ':f': feedback }),
        },
      );
    },

    async oldestPendingCreatedAt() {
      // The index holds pending entries only (sparse), normally none or a handful.
      let oldest: string | undefined;
      const input = {
        TableName: tableName,
        IndexName: reportsTable.indexes[0]!.name,
        KeyConditionExpression: 'outboxPending = :p',
        ProjectionExpression: 'createdAt',
        ExpressionAttributeValues: marshall({ ':p': PENDING }),
      };
      for await (const { createdAt } of queryItems(client, input, OLDEST_PENDING_MAX_PAGES)) {
        if (typeof createdAt === 'string' && (!oldest || createdAt < oldest)) oldest = createdAt;
      }
      return oldest;
    },
  };
}

/** A new outbox entry as its item: pending, so the sweeper's sparse index holds it until it is sent. */
export function outboxItem(entry: OutboxEntry) {
  return toItem({ ...keys.outbox(entry.reference, entry.targetId), entity: 'outbox', ...entry, outboxPending: PENDING });
}

/** Converts a raw outbox item (from GetItem or a stream image) to an OutboxEntry. */
export function fromOutboxItem(item: Record<string, unknown>): OutboxEntry {
  const { pk: _pk, sk: _sk, entity: _e, outboxPending: _op, ...rest } = item;
  return rest as unknown as OutboxEntry;
}

/** True when a raw item (e.g. a stream image) is an outbox entry. */
export function isOutboxItem(item: Record<string, unknown>): boolean {
  return item.entity === 'outbox';
}
