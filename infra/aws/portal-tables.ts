/**
 * The two tables, encrypted with the portal's customer-managed key: reports (with the
 * stream the router reads) and polls (ballots apart from personal reports, no stream).
 * Both expire items by TTL, keep 35 days of point-in-time recovery, and in prod are
 * protected from deletion and retained if the stack is deleted.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption, type TableProps } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { reportsTable } from '../../functions/adapters/dynamodb/table-definition';
import { pollsTable } from '../../functions/adapters/dynamodb/polls-table-definition';

interface Definition {
  partitionKey: string;
  sortKey: string;
  ttlAttribute: string;
  indexes: readonly { name: string; partitionKey: string; sortKey: string }[];
}

export class PortalTables extends Construct {
  readonly reports: Table;
  readonly polls: Table;

  constructor(scope: Construct, id: string, props: { prod: boolean; key: IKey }) {
    super(scope, id);
    const table = (tableId: string, definition: Definition, extra: Partial<TableProps> = {}) => {
      const t = new Table(this, tableId, {
        partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
        sortKey: { name: definition.sortKey, type: AttributeType.STRING },
        billingMode: BillingMode.PAY_PER_REQUEST,
        timeToLiveAttribute: definition.ttlAttribute,
        encryption: TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: props.key,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: props.prod,
        removalPolicy: props.prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        ...extra,
      });
      // Every index projects ALL: they hold listings, outbox, audit and ballot-shard items, none with a resident's contact details.
      for (const index of definition.indexes) {
        t.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
        });
      }
      return t;
    };
    this.reports = table('Reports', reportsTable, { stream: StreamViewType[reportsTable.streamView] });
    // Polls apart from reports: the ballot functions are granted this table only. No stream: nothing reacts to a ballot.
    this.polls = table('Polls', pollsTable);
  }
}
