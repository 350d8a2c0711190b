/**
 * The officer side of the reports table: the inbox (index queries, never Scan), counts,
 * a case with its notes, emails and audit trail, and workflow changes applied in one
 * transaction guarded by the report's version number.
 */
import {
  paginateQuery,
  QueryCommand,
  TransactWriteItemsCommand,
  type QueryCommandInput,
  TransactionCanceledException,
  type AttributeValue,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Status } from '../../../shared/contracts/workflow-vocabulary';
import type { FlagCandidate } from '../../../shared/domain/flags';
import type { CaseNote, CaseSummary, IncidentRecord, MessageRecord, OutboxEntry, StoredReport } from '../../reports/records';
import { auditItem } from './audit-log';
import type { AuditEntry } from '../../reports/ports';
import { planInboxQuery } from './inbox-query';
import { batchGetAll, batchPutAll, fromItem, queryAll as queryAllItems, setOrRemove, toItem } from './item';
import { addDay, counterDay, counterExpiresAt, counterMoves, scopesOf, zeroCounts, type Counts } from './status-counters';
import { allListing, caseFields, partnerListing } from './listing';
import type { CaseFile } from '../../../shared/domain/cases';
import { fromOutboxItem, outboxItem } from './report-store';
import { ALL_LISTINGS, inboxIndexes, keys, reportsTable } from './table-definition';
import type { CaseStore } from '../../reports/ports';

/** Reads per inbox page when filters thin the results: bounds a page's cost. */
const MAX_READS_PER_PAGE = 8;
const FILTERED_READ_SIZE = 250;

const SUMMARY_FIELDS = [
  'reference',
  'createdAt',
  'status',
  'version',
  'dueAt',
  'risk',
  'assignedPartner',
  'outcome',
  'closedAt',
  'flags',
  'type',
  'category',
  'motivations',
  'area',
  'occurredAt',
  'partners',
  'incidentCount',
  'lastIncidentAt',
  // Only on the everybody listing: partner users are not told of messages they cannot read,
  // nor of the other reports in a case.
  'unreadMessages',
  'caseId',
] as const;

function toSummary(item: Record<string, unknown>): CaseSummary {
  return Object.fromEntries(SUMMARY_FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as unknown as CaseSummary;
}

const encodeCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** A cursor is only accepted for the same index partition it came from (no widening of scope). */
function decodeCursor(cursor: string, partitionKey: string, partitionValue: string): Record<string, AttributeValue> | undefined {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const names = Object.keys(key).sort().join(',');
    const expected = ['listedAt', 'pk', 'sk', partitionKey].sort().join(',');
    if (names !== expected || key[partitionKey] !== partitionValue || Object.values(key).some((v) => typeof v !== 'string'))
      return undefined;
    return marshall(key);
  } catch {
    return undefined;
  }
}

export function createCaseStore(client: DynamoDBClient, tableName: string): CaseStore {
  const queryAll = (input: QueryCommandInput) => queryAllItems(client, input);

  const summaryUpdate = (stored: StoredReport, extra: Record<string, unknown>) => {
    const all = allListing(stored);
    const fields: Record<string, unknown> = {};
    for (const f of ['status', 'version', 'dueAt', 'risk', 'assignedPartner', 'outcome', 'closedAt', 'flags', 'partners'] as const)
      fields[f] = all[f];
    return setOrRemove({ ...fields, ...extra });
  };

  const listingUpdates = (after: StoredReport, partners: string[]): TransactWriteItem[] => {
    const all = allListing(after);
    const forAll = summaryUpdate(after, { inboxStatus: all.inboxStatus, inboxRisk: all.inboxRisk, inboxAssignee: all.inboxAssignee });
    const forPartner = summaryUpdate(after, {});
    return [
      {
        Update: {
          TableName: tableName,
          Key: marshall(keys.listing(after.reference, 'ALL')),
          UpdateExpression: forAll.expression,
          ExpressionAttributeNames: forAll.names,
          ExpressionAttributeValues: marshall(forAll.values),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      ...partners.map((p) => ({
        Update: {
          TableName: tableName,
          Key: marshall(keys.listing(after.reference, p)),
          UpdateExpression: forPartner.expression,
          ExpressionAttributeNames: forPartner.names,
          ExpressionAttributeValues: marshall(forPartner.values),
          ConditionExpression: 'attribute_exists(pk)',
        },
      })),
    ];
  };

  const outboxPut = (entry: OutboxEntry): TransactWriteItem => ({
    Put: {
      TableName: tableName,
      Item: outboxItem(entry),
    },
  });

  const getCaseFiles = async (caseIds: string[]): Promise<Map<string, CaseFile>> => {
    const items = await batchGetAll(
      client,
      tableName,
      [...new Set(caseIds)].map((id) => keys.caseFile(id)),
    );
    return new Map(items.map(({ pk: _pk, sk: _sk, entity: _e, ...rest }) => [String(rest.caseId), rest as unknown as CaseFile]));
  };

  return {
    async listInbox(scope, filters, limit, cursor, now) {
      const plan = planInboxQuery(scope, filters, now);
      let start: Record<string, AttributeValue> | undefined;
      if (cursor) {
        start = decodeCursor(cursor, plan.index.partitionKey, plan.partitionValue);
        if (!start) return 'bad-cursor';
      }
      const found: Record<string, unknown>[] = [];
      let more = false;
      for (let reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: plan.index.name,
            KeyConditionExpression: plan.keyCondition,
            FilterExpression: plan.filter,
            ExpressionAttributeNames: plan.names,
            ExpressionAttributeValues: marshall(plan.values),
            ScanIndexForward: false,
            // One more than needed tells whether a next page exists. A filter that keeps most
            // items (folded cases) reads twice what is missing, so one read usually fills the page.
            Limit: !plan.filter ? limit - found.length + 1 : plan.filterKeepsMost ? 2 * (limit - found.length) + 1 : FILTERED_READ_SIZE,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          if (found.length < limit) found.push(fromItem(item));
          else more = true;
        }
        start = out.LastEvaluatedKey;
        if (more || !start) break;
        if (found.length >= limit) {
          more = true;
          break;
        }
      }
      const last = found.at(-1);
      let next: Record<string, unknown> | undefined;
      if (more && last)
        next = { pk: last.pk, sk: last.sk, listedAt: last.listedAt, [plan.index.partitionKey]: last[plan.index.partitionKey] };
      // The read budget ran out before the page filled: carry on from where reading stopped.
      else if (start && found.length < limit) next = fromItem(start);
      return { items: found.map(toSummary), ...(next ? { cursor: encodeCursor(next) } : {}) };
    },

    async countByStatus(scope, filters) {
      const partition = keys.statusCount(scope.kind === 'partner' ? scope.partnerId : ALL_LISTINGS, '').pk;
      // An open end is the first or last day there could be; day keys sort as dates.
      const from = `DAY#${filters.from ?? '0000-01-01'}`;
      const to = `DAY#${filters.to ?? '9999-12-31'}`;
      // One small item per day kept (a few hundred at most): one read, at any number of reports.
      const days = await queryAll({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: marshall({ ':pk': partition, ':from': from, ':to': to }),
      });
      return days.reduce(addDay, zeroCounts());
    },

    async recountStatus(partnerIds) {
      // Rebuilt from the listings (the inbox's own items), day by day, then written over the counters.
      const rebuilt = new Map<string, Map<string, Counts>>();
      const expiries = new Map<string, number>();
      const scan = async (scope: string, index: (typeof inboxIndexes)[keyof typeof inboxIndexes], value: string) => {
        const perDay = new Map<string, Counts>();
        const pages = paginateQuery(
          { client },
          {
            TableName: tableName,
            IndexName: index.name,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': index.partitionKey, '#status': 'status' },
            ExpressionAttributeValues: marshall({ ':pk': value }),
            ProjectionExpression: '#status, createdAt, expiresAt',
          },
        );
        for await (const page of pages) {
          for (const raw of page.Items ?? []) {
            const item = fromItem(raw) as { status: Status; createdAt: string; expiresAt: number };
            const day = counterDay(item.createdAt);
            const counts = perDay.get(day) ?? zeroCounts();
            counts[item.status]++;
            perDay.set(day, counts);
            expiries.set(day, counterExpiresAt(item.createdAt, item.expiresAt));
          }
        }
        rebuilt.set(scope, perDay);
      };
      await scan(ALL_LISTINGS, inboxIndexes.all, ALL_LISTINGS);
      for (const partnerId of partnerIds) await scan(partnerId, inboxIndexes.partner, partnerId);
      let written = 0;
      for (const [scope, perDay] of rebuilt) {
        // Days counted before but with no report now are zeroed, not left behind.
        const existing = await queryAll({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: marshall({ ':pk': keys.statusCount(scope, '').pk }),
          ProjectionExpression: 'sk',
        });
        for (const item of existing) {
          const day = String(item.sk).slice('DAY#'.length);
          if (!perDay.has(day)) perDay.set(day, zeroCounts());
        }
        const items = [...perDay].map(([day, counts]) =>
          toItem({ ...keys.statusCount(scope, day), ...counts, ...(expiries.has(day) ? { expiresAt: expiries.get(day) } : {}) }),
        );
        await batchPutAll(client, tableName, items);
        written += items.length;
      }
      return written;
    },

    async getCase(reference) {
      const items = await queryAll({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': keys.report(reference).pk }),
        ConsistentRead: true,
      });
      const reportItem = items.find((i) => i.sk === 'REPORT');
      if (!reportItem) return undefined;
      const strip = ({ pk: _pk, sk: _sk, entity: _e, ...rest }: Record<string, unknown>) => rest;
      const of = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix));
      return {
        stored: strip(reportItem) as unknown as StoredReport,
        incidents: of('INCIDENT#').map((i) => strip(i) as unknown as IncidentRecord),
        messages: of('MESSAGE#').map((i) => strip(i) as unknown as MessageRecord),
        notes: of('NOTE#').map((i) => strip(i) as unknown as CaseNote),
        outbox: of('OUTBOX#').map(fromOutboxItem),
        audit: of('AUDIT#').map((i) => {
          const { auditDay: _d, ...rest } = strip(i);
          return rest as unknown as AuditEntry;
        }),
      };
    },

    async applyChange({ before, after, addedPartner, outbox, audit }) {
      const report = setOrRemove({
        status: after.status,
        risk: after.risk,
        dueAt: after.dueAt,
        assignedPartner: after.assignedPartner,
        outcome: after.outcome,
        closedAt: after.closedAt,
        version: after.version,
        routes: after.routes,
        privateLink: after.privateLink,
      });
      const names: Record<string, string> = { ...report.names, '#version': 'version' };
      const values: Record<string, unknown> = { ...report.values, ':expected': before.version };
      let expression = report.expression;
      for (const [i, entry] of (outbox ?? []).entries()) {
        // The delivery log gains each new email, so officers see it queued straight away.
        expression = expression.replace(/^SET /, `SET deliveries.#target${i} = :delivery, `);
        names[`#target${i}`] = entry.targetId;
        values[':delivery'] = { state: 'pending', attempts: 0 };
      }
      const items: TransactWriteItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: marshall(keys.report(before.reference)),
            UpdateExpression: expression,
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: marshall(values, { removeUndefinedValues: true }),
          },
        },
        ...listingUpdates(
          after,
          before.routes.map((r) => r.partnerId),
        ),
        ...(addedPartner ? [{ Put: { TableName: tableName, Item: toItem(partnerListing(after, addedPartner)) } }] : []),
        // The counts move in the same transaction: exact whatever happens after.
        ...counterMoves(tableName, after, scopesOf(before.routes.map((r) => r.partnerId)), before.status, after.status),
        ...(addedPartner ? counterMoves(tableName, after, [addedPartner], undefined, after.status) : []),
        ...(outbox ?? []).map(outboxPut),
        { Put: { TableName: tableName, Item: toItem(auditItem(audit)), ConditionExpression: 'attribute_not_exists(pk)' } },
      ];
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
        return 'ok';
      } catch (error) {
        if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
          return 'stale';
        throw error;
      }
    },

    async markMessagesRead(reference, count, audit) {
      // Only the messages the officer was shown: one that arrived meanwhile changes the count,
      // and then nothing is marked (it stays unread for the next officer who opens the case).
      const read = (key: { pk: string; sk: string }, remove: string, condition: 'count' | 'exists') => ({
        Update: {
          TableName: tableName,
          Key: marshall(key),
          UpdateExpression: `REMOVE ${remove}`,
          ...(condition === 'count'
            ? { ConditionExpression: 'unreadMessages = :n', ExpressionAttributeValues: marshall({ ':n': count }) }
            : { ConditionExpression: 'attribute_exists(pk)' }),
        },
      });
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              read(keys.report(reference), 'unreadMessages', 'count'),
              read(keys.listing(reference, 'ALL'), 'unreadMessages, inboxUnread', 'exists'),
              { Put: { TableName: tableName, Item: toItem(auditItem(audit)), ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof TransactionCanceledException) return false;
        throw error;
      }
    },

    async countUnread() {
      let count = 0;
      let start: Record<string, AttributeValue> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: inboxIndexes.unread.name,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': inboxIndexes.unread.partitionKey },
            ExpressionAttributeValues: marshall({ ':pk': ALL_LISTINGS }),
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        );
        count += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return count;
    },

    async addNote(note, audit) {
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: toItem({ ...keys.note(note.reference, note.at), entity: 'note', ...note }) } },
            { Put: { TableName: tableName, Item: toItem(auditItem(audit)), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    },

    async addOutbox(entry, audit) {
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            outboxPut(entry),
            {
              Update: {
                TableName: tableName,
                Key: marshall(keys.report(entry.reference)),
                UpdateExpression: 'SET deliveries.#target = :delivery',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeNames: { '#target': entry.targetId },
                ExpressionAttributeValues: marshall({ ':delivery': { state: 'pending', attempts: 0 } }),
              },
            },
            { Put: { TableName: tableName, Item: toItem(auditItem(audit)), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    },

    getCaseFiles,

    async summariesOf(references) {
      const items = await batchGetAll(
        client,
        tableName,
        [...new Set(references)].map((r) => keys.listing(r, 'ALL')),
      );
      return new Map(items.map((i) => [String(i.reference), toSummary(i)]));
    },

    async getCaseFile(caseId) {
      return (await getCaseFiles([caseId])).get(caseId);
    },

    async changeCase({ file, reports, audit }) {
      // A case that ends is kept, empty, until its retention: the function that changes
      // cases then needs no right to delete anything.
      const after = file.after ?? { ...file.before!, members: [], version: file.before!.version + 1 };
      const caseItem: TransactWriteItem = {
        Put: {
          TableName: tableName,
          Item: toItem({ ...keys.caseFile(after.caseId), entity: 'case', ...after }),
          ...(file.before
            ? {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: marshall({ ':expected': file.before.version }),
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      };
      const reportItems = reports.flatMap(({ before, after, folded }): TransactWriteItem[] => {
        const report = setOrRemove({ caseId: after.caseId, version: after.version });
        const all = setOrRemove({ ...caseFields(after, folded), version: after.version });
        const partner = setOrRemove({ version: after.version });
        const update = (k: { pk: string; sk: string }, u: ReturnType<typeof setOrRemove>, condition: 'version' | 'exists') => ({
          Update: {
            TableName: tableName,
            Key: marshall(k),
            UpdateExpression: u.expression,
            ConditionExpression: condition === 'version' ? '#version = :expected' : 'attribute_exists(pk)',
            ExpressionAttributeNames: { ...u.names, ...(condition === 'version' ? { '#version': 'version' } : {}) },
            ExpressionAttributeValues: marshall({ ...u.values, ...(condition === 'version' ? { ':expected': before.version } : {}) }),
          },
        });
        return [
          update(keys.report(before.reference), report, 'version'),
          update(keys.listing(before.reference, 'ALL'), all, 'exists'),
          ...before.routes.map((r) => update(keys.listing(before.reference, r.partnerId), partner, 'exists')),
        ];
      });
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              caseItem,
              ...reportItems,
              ...audit.map((a) => ({
                Put: { TableName: tableName, Item: toItem(auditItem(a)), ConditionExpression: 'attribute_not_exists(pk)' },
              })),
            ],
          }),
        );
        return 'ok';
      } catch (error) {
        // A failed version check, or another change to the same items at the same moment: either way, someone else got there first.
        const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
        if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) return 'stale';
        throw error;
      }
    },

    async related(kind, key) {
      const index = reportsTable.indexes.find((i) => i.name === (kind === 'contact' ? 'by-contact' : 'by-place'))!;
      const items = await queryAll({
        TableName: tableName,
        IndexName: index.name,
        KeyConditionExpression: '#k = :k',
        ExpressionAttributeNames: { '#k': index.partitionKey },
        ExpressionAttributeValues: marshall({ ':k': key }),
      });
      return items.map((i) => ({ reference: String(i.reference), createdAt: String(i.createdAt), type: i.type as FlagCandidate['type'] }));
    },

    async setFlags(stored, flags) {
      const value = flags.length ? flags : undefined;
      const update = (key: Record<string, string>): TransactWriteItem => {
        const u = setOrRemove({ flags: value });
        return {
          Update: {
            TableName: tableName,
            Key: marshall(key),
            UpdateExpression: u.expression,
            ExpressionAttributeNames: u.names,
            ...(value ? { ExpressionAttributeValues: marshall(u.values) } : {}),
            ConditionExpression: 'attribute_exists(pk)',
          },
        };
      };
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            keys.report(stored.reference),
            keys.listing(stored.reference, 'ALL'),
            ...stored.routes.map((r) => keys.listing(stored.reference, r.partnerId)),
          ].map(update),
        }),
      );
    },

    async summariesBetween(fromIso, toIso) {
      const items = await queryAll({
        TableName: tableName,
        IndexName: inboxIndexes.all.name,
        KeyConditionExpression: '#pk = :pk AND #listedAt BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': inboxIndexes.all.partitionKey, '#listedAt': 'listedAt' },
        ExpressionAttributeValues: marshall({ ':pk': 'ALL', ':from': fromIso, ':to': toIso }),
      });
      return items.map(toSummary);
    },
  };
}
