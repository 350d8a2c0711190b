/**
 * Case Review applications on DynamoDB, in the reports table: each under its own
 * partition with its outbox (the same outbox the router and sweeper deliver), partners'
 * records of contact and audit trail, and listed on the sparse `case-reviews` index.
 */
import { GetItemCommand, TransactionCanceledException, TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ALL_REVIEWS, keys, reportsTable } from './table-definition';
import { fromItem, queryAll, setOrRemove, toItem } from './item';
import { auditItem } from './audit-log';
import { outboxItem } from './report-store';
import type { CaseReviewStore } from '../../case-reviews/ports';
import type { ContactRecord, ReviewListing, StoredCaseReview } from '../../case-reviews/records';
import type { AuditEntry } from '../../reports/ports';

const queue = reportsTable.indexes.find((i) => i.name === 'case-reviews')!;

const reviewItem = (review: StoredCaseReview) => ({
  ...keys.caseReview(review.reference),
  entity: 'case-review',
  reviewQueue: ALL_REVIEWS,
  listedAt: `${review.receivedAt}#${review.reference}`,
  ...review,
});

const strip = ({ pk: _pk, sk: _sk, entity: _e, reviewQueue: _q, listedAt: _l, ...rest }: Record<string, unknown>) => rest;

export function createCaseReviewStore(client: DynamoDBClient, tableName: string): CaseReviewStore {
  return {
    async create(review, outbox, idempotency) {
      const marker = keys.idempotency(idempotency.hash);
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: toItem(reviewItem(review)), ConditionExpression: 'attribute_not_exists(pk)' } },
              ...outbox.map((entry) => ({
                Put: {
                  TableName: tableName,
                  Item: outboxItem(entry),
                },
              })),
              {
                Put: {
                  TableName: tableName,
                  Item: toItem({ ...marker, entity: 'idempotency', reference: review.reference, expiresAt: idempotency.expiresAt }),
                  // An expired marker may linger until TTL removes it: it no longer counts.
                  ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
                  ExpressionAttributeValues: marshall({ ':now': Math.floor(Date.parse(review.receivedAt) / 1000) }),
                },
              },
            ],
          }),
        );
        return { outcome: 'created' };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return { outcome: 'reference-taken' };
        if (reasons.at(-1)?.Code === 'ConditionalCheckFailed') {
          const out = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(marker), ConsistentRead: true }));
          const reference = out.Item ? (fromItem(out.Item).reference as string) : undefined;
          if (reference) return { outcome: 'duplicate', reference };
        }
        throw error;
      }
    },

    async get(reference) {
      const out = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(keys.caseReview(reference)), ConsistentRead: true }),
      );
      return out.Item ? (strip(fromItem(out.Item)) as unknown as StoredCaseReview) : undefined;
    },

    async listings() {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: queue.name,
        KeyConditionExpression: 'reviewQueue = :q',
        ExpressionAttributeValues: marshall({ ':q': ALL_REVIEWS }),
        ScanIndexForward: false,
        // Only what says where each application has got to: no one's details, no one's words.
        ProjectionExpression: [
          '#reference, #state, #version, receivedAt, acknowledgedAt, #partners, #reports',
          '#application.victim.area, decision.met, decision.#at, reviewHeld.#at, outcome.#at',
          'recommendations[0].dueOn, escalation.requestedAt, escalation.decidedAt',
        ].join(', '),
        // Every name that might be a reserved word in DynamoDB's expressions is aliased.
        ExpressionAttributeNames: {
          '#at': 'at',
          '#state': 'state',
          '#reference': 'reference',
          '#version': 'version',
          '#partners': 'partners',
          '#reports': 'reports',
          '#application': 'application',
        },
      });
      return items.map(
        (item) => ({ ...item, recommendations: (item.recommendations as unknown[] | undefined) ?? [] }) as unknown as ReviewListing,
      );
    },

    async change(before, after, outbox, audit) {
      // Only the progress is set: the delivery log is the sender's to write meanwhile, so the
      // new emails are added to it one by one rather than the whole log put back as read.
      const { state, version, acknowledgedAt, decision, reviewHeld, outcome, recommendations, escalation, partners } = after;
      const progress = setOrRemove({
        state,
        version,
        acknowledgedAt,
        decision,
        reviewHeld,
        outcome,
        recommendations,
        escalation,
        partners,
      });
      const logged = outbox.map((entry, i) => [`#d${i}`, entry.targetId] as const);
      const deliveries = logged.map(([name]) => `deliveries.${name} = :pending`);
      // State and version are always set, so the expression starts "SET …": the new emails join that clause.
      const expression = deliveries.length ? progress.expression.replace(/^SET /, `SET ${deliveries.join(', ')}, `) : progress.expression;
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: marshall(keys.caseReview(before.reference)),
                  UpdateExpression: expression,
                  ConditionExpression: 'version = :before',
                  ExpressionAttributeNames: { ...progress.names, ...Object.fromEntries(logged) },
                  ExpressionAttributeValues: toItem({
                    ...progress.values,
                    ':before': before.version,
                    ...(logged.length ? { ':pending': { state: 'pending', attempts: 0 } } : {}),
                  }),
                },
              },
              ...outbox.map((entry) => ({
                Put: {
                  TableName: tableName,
                  Item: outboxItem(entry),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              })),
              { Put: { TableName: tableName, Item: toItem(auditItem(audit)), ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
        return 'ok';
      } catch (error) {
        if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
          return 'stale';
        throw error;
      }
    },

    async addContact(record, audit) {
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: toItem({ ...keys.reviewContact(record.reference, record.at), entity: 'review-contact', ...record }),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: tableName, Item: toItem(auditItem(audit)), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    },

    async history(reference) {
      // AUDIT# and CONTACT# sort before OUTBOX# and REVIEW: one range reads both and nothing else.
      const all = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: marshall({ ':pk': keys.caseReview(reference).pk, ':from': 'AUDIT#', ':to': 'CONTACT#\uffff' }),
      });
      const contacts: ContactRecord[] = [];
      const audit: AuditEntry[] = [];
      for (const { pk: _pk, sk, entity: _e, auditDay: _d, ...rest } of all) {
        if (String(sk).startsWith('CONTACT#')) contacts.push(rest as unknown as ContactRecord);
        else if (String(sk).startsWith('AUDIT#')) audit.push(rest as unknown as AuditEntry);
      }
      return { contacts, audit };
    },
  };
}
