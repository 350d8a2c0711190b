/**
 * Partners' addresses and routing rules, kept in the table so admins can change them in
 * the workspace. The profile file only seeds them: the first read of an empty directory
 * writes the profile's partners (conditionally, so two cold starts cannot clash). Every
 * change is written with a history item of who, when, before and after, in one transaction.
 */
import {
  PutItemCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  ConditionalCheckFailedException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Partner } from '../../../shared/config/profile-schema';
import { queryAll, toItem } from './item';
import { keys } from './table-definition';

export interface PartnerRecord extends Partner {
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

interface PartnerChange {
  partnerId: string;
  at: string;
  username: string;
  before: Partner;
  after: Partner;
}

export interface PartnerDirectory {
  list(): Promise<PartnerRecord[]>;
  /** 'stale' if the partner changed since `expectedVersion` was read; 'not-found' for an unknown id. */
  update(next: Partner, expectedVersion: number, who: { username: string; at: string }): Promise<'ok' | 'stale' | 'not-found'>;
  history(): Promise<PartnerChange[]>;
}

/** Change history is staff activity, kept six years like other public-sector audit records. */
const HISTORY_DAYS = 6 * 365;
const PARTNER_FIELDS = ['id', 'name', 'email', 'dataLevel', 'handles'] as const;
const partnerOnly = (p: Partner): Partner => Object.fromEntries(PARTNER_FIELDS.map((f) => [f, p[f]])) as unknown as Partner;

export function createPartnerDirectory(client: DynamoDBClient, tableName: string, seed: readonly Partner[]): PartnerDirectory {
  const query = (prefix: string) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: marshall({ ':pk': 'CONFIG#partners', ':p': prefix }),
      ConsistentRead: true,
    });
  const strip = ({ pk: _pk, sk: _sk, entity: _e, ...rest }: Record<string, unknown>) => rest;

  return {
    async list() {
      const items = await query('PARTNER#');
      if (items.length > 0) return items.map((i) => strip(i) as unknown as PartnerRecord);
      await Promise.all(
        seed.map((partner) =>
          client
            .send(
              new PutItemCommand({
                TableName: tableName,
                Item: toItem({ ...keys.partner(partner.id), entity: 'partner', ...partnerOnly(partner), version: 1 }),
                ConditionExpression: 'attribute_not_exists(pk)',
              }),
            )
            .catch((error: unknown) => {
              if (!(error instanceof ConditionalCheckFailedException)) throw error;
            }),
        ),
      );
      return (await query('PARTNER#')).map((i) => strip(i) as unknown as PartnerRecord);
    },

    async update(next, expectedVersion, who) {
      const current = (await this.list()).find((p) => p.id === next.id);
      if (!current) return 'not-found';
      if (current.version !== expectedVersion) return 'stale';
      const expiresAt = Math.floor(Date.parse(who.at) / 1000) + HISTORY_DAYS * 86_400;
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: toItem({
                    ...keys.partner(next.id),
                    entity: 'partner',
                    ...partnerOnly(next),
                    version: expectedVersion + 1,
                    updatedAt: who.at,
                    updatedBy: who.username,
                  }),
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: marshall({ ':v': expectedVersion }),
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: toItem({
                    ...keys.partnerHistory(next.id, who.at),
                    entity: 'partner-history',
                    partnerId: next.id,
                    at: who.at,
                    username: who.username,
                    before: partnerOnly(current),
                    after: partnerOnly(next),
                    expiresAt,
                  }),
                },
              },
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

    async history() {
      return (await query('HISTORY#')).map((i) => strip(i) as unknown as PartnerChange).reverse();
    },
  };
}

/** Reads the directory at most once per `ttlMs` (a Lambda serves many reports per read). */
export function cachedPartners(directory: PartnerDirectory, ttlMs: number, now = () => Date.now()): () => Promise<PartnerRecord[]> {
  let cached: { at: number; partners: Promise<PartnerRecord[]> } | undefined;
  return () => {
    if (!cached || now() - cached.at > ttlMs) {
      const partners = directory.list();
      cached = { at: now(), partners };
      // A failed read is not kept: the next call tries again.
      partners.catch(() => {
        if (cached?.partners === partners) cached = undefined;
      });
    }
    return cached.partners;
  };
}
