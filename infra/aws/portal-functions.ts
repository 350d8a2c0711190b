/**
 * Every Lambda function of the portal, from functions/routes.ts: Node 24 on arm64, bundled
 * and minified (infra/aws/bundle.ts), explicit memory and timeout, its own log group with
 * finite retention, and grants for exactly the actions its code performs.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Code, Function as LambdaFn, Runtime, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Trigger } from 'aws-cdk-lib/triggers';
import { Construct } from 'constructs';
import { keys, reportsTable } from '../../functions/adapters/dynamodb/table-definition';
import { pollsTable } from '../../functions/adapters/dynamodb/polls-table-definition';
import { backgroundFunctions, httpRoutes } from '../../functions/routes';
import { bundleFunction } from './bundle';
import { localSettingProblems } from './deployed-environment';
import type { PortalTables } from './portal-tables';

export interface PortalFunctionsProps {
  stage: 'dev' | 'prod';
  tables: PortalTables;
  key: IKey;
  officer: { issuer: string; clientId: string };
  senderEmail: string;
  configurationSetName: string;
  metricsNamespace: string;
  /** Residents' files: the quarantine bucket uploads land in, and the evidence bucket of clean files. */
  evidence: { quarantine: IBucket; evidence: IBucket };
}

/** Memory and timeout per function; HTTP functions answer well inside API Gateway's 30 s. */
const SIZES: Record<string, { memorySize: number; timeout: Duration }> = {
  'route-report': { memorySize: 512, timeout: Duration.seconds(30) },
  'sweep-outbox': { memorySize: 512, timeout: Duration.minutes(2) },
  'close-polls': { memorySize: 1024, timeout: Duration.minutes(5) },
  // Decoding and encoding a 50-megapixel photo again takes memory, and CPU comes with it.
  'process-evidence': { memorySize: 2048, timeout: Duration.minutes(1) },
};
const HTTP_SIZE = { memorySize: 512, timeout: Duration.seconds(10) };

export class PortalFunctions extends Construct {
  readonly byId: Record<string, LambdaFn> = {};

  constructor(scope: Construct, id: string, props: PortalFunctionsProps) {
    super(scope, id);
    const { reports, polls } = props.tables;
    const stack = Stack.of(this);
    const environment = {
      STAGE: props.stage,
      TABLE_NAME: reports.tableName,
      POLLS_TABLE_NAME: polls.tableName,
      POWERTOOLS_SERVICE_NAME: 'csp-portal',
      POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
    };
    const make = (fnId: string, entry: string, extra: Record<string, string> = {}) => {
      const bundle = bundleFunction(fnId, entry);
      // A function with native binaries beside its bundle (sharp) runs on the architecture
      // they were installed for: this machine's. Every other function runs on arm64.
      const native = existsSync(join(bundle.dir, 'node_modules'));
      const fn = new LambdaFn(this, `Fn-${fnId}`, {
        runtime: Runtime.NODEJS_24_X,
        architecture: native && process.arch !== 'arm64' ? Architecture.X86_64 : Architecture.ARM_64,
        handler: 'index.handler',
        code: Code.fromAsset(bundle.dir),
        ...(SIZES[fnId] ?? HTTP_SIZE),
        environment: { ...environment, ...extra },
        logGroup: new LogGroup(this, `Logs-${fnId}`, { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      });
      this.byId[fnId] = fn;
      return fn;
    };

    const allow = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
      new PolicyStatement({ effect: Effect.ALLOW, actions, resources, ...(conditions ? { conditions } : {}) });
    const onReports = (...actions: string[]) =>
      allow(
        actions.map((a) => `dynamodb:${a}`),
        [reports.tableArn],
      );
    const queryIndexes = (...names: string[]) =>
      allow(
        ['dynamodb:Query'],
        names.map((n) => `${reports.tableArn}/index/${n}`),
      );
    const onPolls = (...actions: string[]) =>
      allow(
        actions.map((a) => `dynamodb:${a}`),
        [polls.tableArn],
      );
    const queryBallots = allow(['dynamodb:Query'], [`${polls.tableArn}/index/${pollsTable.indexes[0]!.name}`]);
    const inboxIndexNames = reportsTable.indexes.map((i) => i.name).filter((n) => n !== 'outbox-pending');
    // Every table user also writes, and DynamoDB uses the table key on its behalf: only through DynamoDB.
    const useTableKey = allow(['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'], [props.key.keyArn], {
      StringEquals: { 'kms:ViaService': `dynamodb.${stack.region}.amazonaws.com` },
    });
    // SES checks the sender's identity (the address, or its verified domain) and the configuration set.
    const ses = (resource: string) => `arn:${stack.partition}:ses:${stack.region}:${stack.account}:${resource}`;
    const sendEmail = allow(
      ['ses:SendEmail'],
      [
        ses(`identity/${props.senderEmail}`),
        ses(`identity/${props.senderEmail.split('@')[1]}`),
        ses(`configuration-set/${props.configurationSetName}`),
      ],
      // Only from the partnership's own sender address.
      { StringEquals: { 'ses:FromAddress': props.senderEmail } },
    );
    const officerEnvironment = { COGNITO_ISSUER: props.officer.issuer, COGNITO_CLIENT_ID: props.officer.clientId };
    const { quarantine, evidence } = props.evidence;
    const buckets = { QUARANTINE_BUCKET: quarantine.bucketName, EVIDENCE_BUCKET: evidence.bucketName };
    // S3 uses the data key for the buckets' objects on a function's behalf: only through S3.
    const useKeyThroughS3 = (...actions: string[]) =>
      allow(actions, [props.key.keyArn], { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } });

    for (const route of httpRoutes) {
      const fn = make(route.id, route.entry, {
        ...(route.officer ? officerEnvironment : {}),
        ...(route.evidence || route.table === 'officer-read' ? buckets : {}),
      });
      // The page for adding files signs uploads to quarantine: a presigned POST is only as
      // good as its signer's right to put the object (under uploads/, encrypted with the key).
      if (route.evidence === 'upload') {
        fn.addToRolePolicy(allow(['s3:PutObject'], [quarantine.arnForObjects('uploads/*')]));
        fn.addToRolePolicy(useKeyThroughS3('kms:GenerateDataKey'));
      }
      // Officers open kept files through addresses their function signs: reads of the evidence bucket only.
      if (route.table === 'officer-read') {
        fn.addToRolePolicy(allow(['s3:GetObject'], [evidence.arnForObjects('reports/*')]));
        fn.addToRolePolicy(useKeyThroughS3('kms:Decrypt'));
      }
      // The page reads the report and its files' records, and the key that signs upload tokens.
      if (route.table === 'evidence') fn.addToRolePolicy(onReports('GetItem', 'Query'));
      // Submitting writes the report, listings, outbox and idempotency marker, adds to the
      // status counters, reads the marker back, and reads (or first seeds) the partner directory.
      if (route.table === 'submit') fn.addToRolePolicy(onReports('PutItem', 'UpdateItem', 'GetItem', 'ConditionCheckItem', 'Query'));
      // The confirmation page reads (or first makes) the receipt key: the secrets item only.
      if (route.table === 'receipt' || route.table === 'evidence') {
        fn.addToRolePolicy(
          allow(['dynamodb:GetItem', 'dynamodb:PutItem'], [reports.tableArn], {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [keys.receiptSecret().pk] },
          }),
        );
      }
      // The status check reads one report and its updates to the resident, and counts its rate-limit windows.
      if (route.table === 'status') fn.addToRolePolicy(onReports('GetItem', 'Query', 'UpdateItem'));
      // The private link does the same (and reads the key that signs links), and adds the
      // resident's incidents with their outbox entries and delivery log in one transaction.
      if (route.table === 'resident') fn.addToRolePolicy(onReports('GetItem', 'Query', 'UpdateItem', 'PutItem', 'ConditionCheckItem'));
      // Case Review applications: the application, its emails and idempotency marker put in
      // one transaction; through a private link, the report, its case (a batch read) and
      // what its resident added are read, and bad links counted.
      if (route.table === 'case-review') fn.addToRolePolicy(onReports('GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'));
      // The published figures: one query of the applications' index, nothing else.
      if (route.table === 'review-statistics') fn.addToRolePolicy(queryIndexes('case-reviews'));
      // Officers' reads: cases, lists and exports (in batches), the partner directory (seeded
      // on first use) and the audit trail, appending an audit item for each read of personal
      // data (in batches for an export). No updates and no transactions.
      if (route.table === 'officer-read') {
        fn.addToRolePolicy(onReports('GetItem', 'BatchGetItem', 'Query', 'PutItem', 'BatchWriteItem'));
        fn.addToRolePolicy(queryIndexes(...inboxIndexNames));
        // Opening a case marks the resident's messages read: an update of that count (and the
        // unread index's key on the listing), nothing else.
        fn.addToRolePolicy(
          allow(['dynamodb:UpdateItem'], [reports.tableArn], {
            'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'unreadMessages', 'inboxUnread'] },
          }),
        );
      }
      // Officers' changes: a case read, then changed with its listings, counters, outbox and
      // audit item in one transaction guarded by its version. Linking reads the cases and
      // reports it joins in batches. No index queries, no deletes.
      if (route.table === 'officer-write') fn.addToRolePolicy(onReports('GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'));
      // Admins' partner changes: the directory read, then the change and its history put in one transaction.
      if (route.table === 'officer-admin') fn.addToRolePolicy(onReports('GetItem', 'Query', 'PutItem'));
      // Voting: the ballot and its counter in one transaction, the ballot read back on a
      // retry, and the cookie key made once (a conditional put) and read.
      if (route.polls === 'vote') fn.addToRolePolicy(onPolls('GetItem', 'PutItem', 'UpdateItem'));
      // Results and the thank-you page read counters, tallies, final totals and one ballot
      // (and the thank-you page may be the first to make the cookie key).
      if (route.polls === 'read') fn.addToRolePolicy(onPolls('GetItem', 'BatchGetItem', 'Query', 'PutItem'));
      // Officers read tallies and review bursts of ballots (read only)…
      if (route.polls === 'officer-read') {
        fn.addToRolePolicy(onPolls('GetItem', 'BatchGetItem', 'Query'));
        fn.addToRolePolicy(queryBallots);
      }
      // …and append event tallies and correction markers (conditional puts in a transaction),
      // and make and change poll definitions: the definition and its change put in one
      // transaction, checked against the counter shards (read in a batch first) so a change
      // to what ballots were counted against cannot cross a ballot.
      if (route.polls === 'officer-write') fn.addToRolePolicy(onPolls('GetItem', 'BatchGetItem', 'PutItem', 'Query', 'ConditionCheckItem'));
      if (route.table || route.polls) fn.addToRolePolicy(useTableKey);
    }

    const mail = { SES_CONFIGURATION_SET: props.configurationSetName };
    const router = make(backgroundFunctions.routeReport.id, backgroundFunctions.routeReport.entry, mail);
    // Delivery updates outbox and report; flags query the repeat indexes; the directory is read (or seeded).
    router.addToRolePolicy(onReports('GetItem', 'UpdateItem', 'Query', 'PutItem'));
    router.addToRolePolicy(queryIndexes('by-contact', 'by-place'));
    router.addToRolePolicy(sendEmail);
    router.addToRolePolicy(useTableKey);
    // A file's record removed with its report (TTL): the file is deleted from the evidence bucket.
    router.addEnvironment('QUARANTINE_BUCKET', quarantine.bucketName);
    router.addEnvironment('EVIDENCE_BUCKET', evidence.bucketName);
    router.addToRolePolicy(allow(['s3:DeleteObject'], [evidence.arnForObjects('reports/*')]));
    // The event source mapping lists the table's streams, which IAM can only grant on "*".
    Validations.of(router).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'dynamodb:ListStreams cannot be limited to a resource; reading records is limited to this table’s stream.',
    });

    const sweeper = make(backgroundFunctions.sweepOutbox.id, backgroundFunctions.sweepOutbox.entry, mail);
    sweeper.addToRolePolicy(onReports('GetItem', 'UpdateItem', 'Query', 'PutItem'));
    sweeper.addToRolePolicy(queryIndexes('outbox-pending'));
    sweeper.addToRolePolicy(sendEmail);
    sweeper.addToRolePolicy(useTableKey);

    // Closed polls are recounted from their ballots and their totals fixed.
    const closer = make(backgroundFunctions.closePolls.id, backgroundFunctions.closePolls.entry);
    closer.addToRolePolicy(onPolls('GetItem', 'PutItem'));
    closer.addToRolePolicy(queryBallots);
    closer.addToRolePolicy(useTableKey);

    // The pack's polls join the polls table once per deploy, after the table and before
    // the deploy finishes: a poll it may not change fails the deploy with the reason. It reads
    // definitions and counters, and writes definitions with their changes in one transaction.
    const importer = make(backgroundFunctions.importPolls.id, backgroundFunctions.importPolls.entry);
    importer.addToRolePolicy(onPolls('GetItem', 'PutItem', 'ConditionCheckItem'));
    importer.addToRolePolicy(useTableKey);
    new Trigger(this, 'ImportPackPolls', { handler: importer, executeOnHandlerChange: true, executeAfter: [polls] });

    // The site's live regions are rendered from the published polls: a query of the definitions.
    const regions = make(backgroundFunctions.refreshSiteRegions.id, backgroundFunctions.refreshSiteRegions.entry);
    regions.addToRolePolicy(
      allow(['dynamodb:Query'], [polls.tableArn], { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['POLLS'] } }),
    );
    regions.addToRolePolicy(useTableKey);

    // Each scanned upload: read from quarantine with GuardDuty's tag (and deleted once kept or refused), the clean
    // copy written to the evidence bucket (deleted again if the report has no room), and its
    // record, count and emails written in one transaction; the report and the token key read.
    const processor = make(backgroundFunctions.processEvidence.id, backgroundFunctions.processEvidence.entry, buckets);
    processor.addToRolePolicy(allow(['s3:GetObject', 's3:GetObjectTagging', 's3:DeleteObject'], [quarantine.arnForObjects('uploads/*')]));
    processor.addToRolePolicy(allow(['s3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject'], [evidence.arnForObjects('reports/*')]));
    processor.addToRolePolicy(useKeyThroughS3('kms:Decrypt', 'kms:GenerateDataKey'));
    processor.addToRolePolicy(onReports('GetItem', 'Query', 'PutItem', 'UpdateItem'));
    processor.addToRolePolicy(useTableKey);

    // Bounces and complaints are marked on the delivery (outbox item and report log) in one transaction.
    const feedback = make(backgroundFunctions.deliveryFeedback.id, backgroundFunctions.deliveryFeedback.entry);
    feedback.addToRolePolicy(onReports('UpdateItem'));
    feedback.addToRolePolicy(useTableKey);

    // Requests answer their caller; the stream router parks failures on its own queue; the
    // feedback rule retries and parks events; a failed scheduled run is redone minutes later.
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'No function is left to Lambda’s asynchronous retries alone: failures are answered, parked by the event source or rule, or redone by the next scheduled run.',
    });
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaTracing',
      reason: 'Structured logs carry a correlation id per request; X-Ray would add cost and a wildcard IAM grant for little more.',
    });

    // Nothing local may reach a deployed function (checked at synth, on every function).
    this.node.addValidation({
      validate: () =>
        Object.entries(this.byId).flatMap(([fnId, fn]) => {
          const variables = stack.resolve((fn.node.defaultChild as CfnFunction).environment)?.variables ?? {};
          return localSettingProblems(variables, stack.region).map((problem) => `${fnId}: ${problem}`);
        }),
    });
  }

  /** The public site address for resident emails, known once the distribution exists. */
  setSiteUrl(url: string): void {
    for (const fn of Object.values(this.byId)) fn.addEnvironment('SITE_URL', url);
  }
}
