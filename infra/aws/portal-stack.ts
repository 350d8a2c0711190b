/**
 * The portal's AWS stack (first slice): the reports table, the HTTP functions behind an
 * HTTP API, the stream router with an SQS on-failure destination, and the sweeper.
 * Grants are per function and per action: nothing here can Scan or delete.
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, FilterCriteria, FilterRule, Function as LambdaFn, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AccountRecovery, CfnUserPoolGroup, Mfa, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { reportsTable } from '../../functions/adapters/dynamodb/table-definition';
import { pollsTable } from '../../functions/adapters/dynamodb/polls-table-definition';
import { backgroundFunctions, httpRoutes } from '../../functions/routes';
import { defaultProfile } from '../../shared/config/load-profile';
import { bundleFunction } from './bundle';

export interface PortalStackProps extends StackProps {
  stage: 'dev' | 'prod';
  /** Public address of the site, used in resident emails. */
  siteUrl: string;
}

export class PortalStack extends Stack {
  readonly table: Table;
  readonly pollsTable: Table;
  readonly api: HttpApi;
  readonly functions: Record<string, LambdaFn> = {};
  readonly userPool: UserPool;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    const profile = defaultProfile();
    const prod = props.stage === 'prod';

    this.table = new Table(this, 'Reports', {
      partitionKey: { name: reportsTable.partitionKey, type: AttributeType.STRING },
      sortKey: { name: reportsTable.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType[reportsTable.streamView],
      timeToLiveAttribute: reportsTable.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Every index projects ALL: they hold only listings, outbox and audit items, which carry no resident's personal data.
    for (const index of reportsTable.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    // Polls apart from reports: ballots never sit beside personal reports, and the ballot
    // functions are granted this table only. No stream: nothing reacts to a ballot.
    this.pollsTable = new Table(this, 'Polls', {
      partitionKey: { name: pollsTable.partitionKey, type: AttributeType.STRING },
      sortKey: { name: pollsTable.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: pollsTable.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of pollsTable.indexes) {
      this.pollsTable.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    // Officer sign-in: MFA required, no self sign-up, groups admin, officer and one per partner.
    this.userPool = new UserPool(this, 'Officers', {
      selfSignUpEnabled: false,
      // Usernames are the officers' work email addresses, so the access token's `username`
      // (what the audit trail records) says who it was; with an email alias it would be a UUID.
      signInAliases: { username: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const workspaceClient = this.userPool.addClient('Workspace', { authFlows: { userPassword: true }, preventUserExistenceErrors: true });
    for (const group of ['admin', 'officer', ...profile.partners.map((p) => `partner-${p.id}`)]) {
      new CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }

    const environment = { TABLE_NAME: this.table.tableName, POLLS_TABLE_NAME: this.pollsTable.tableName, SITE_URL: props.siteUrl, NODE_OPTIONS: '--enable-source-maps' };
    const officerEnvironment = { COGNITO_ISSUER: `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`, COGNITO_CLIENT_ID: workspaceClient.userPoolClientId };
    const makeFunction = (fnId: string, entry: string, options: { timeout?: Duration; memorySize?: number; officer?: boolean } = {}) => {
      const bundle = bundleFunction(fnId, entry);
      const fn = new LambdaFn(this, `Fn-${fnId}`, {
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        handler: 'index.handler',
        code: Code.fromAsset(bundle.dir),
        memorySize: options.memorySize ?? 512,
        timeout: options.timeout ?? Duration.seconds(10),
        environment: options.officer ? { ...environment, ...officerEnvironment } : environment,
        logGroup: new LogGroup(this, `Logs-${fnId}`, { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      });
      this.functions[fnId] = fn;
      return fn;
    };

    const tableActions = (...actions: string[]) => new PolicyStatement({ effect: Effect.ALLOW, actions: actions.map((a) => `dynamodb:${a}`), resources: [this.table.tableArn] });
    const queryIndexes = (...names: string[]) => new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:Query'], resources: names.map((n) => `${this.table.tableArn}/index/${n}`) });
    const pollActions = (...actions: string[]) => new PolicyStatement({ effect: Effect.ALLOW, actions: actions.map((a) => `dynamodb:${a}`), resources: [this.pollsTable.tableArn] });
    const queryBallots = new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:Query'], resources: [`${this.pollsTable.tableArn}/index/${pollsTable.indexes[0]!.name}`] });
    const inboxIndexNames = reportsTable.indexes.map((i) => i.name).filter((n) => n !== 'outbox-pending');
    const sendEmail = new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['ses:SendEmail'],
      resources: [`arn:${this.partition}:ses:${this.region}:${this.account}:identity/*`],
      // Only from the partnership's own sender address.
      conditions: { StringEquals: { 'ses:FromAddress': profile.senderEmail } },
    });

    this.api = new HttpApi(this, 'Api', { description: `${profile.name} reporting API (${props.stage})` });
    for (const route of httpRoutes) {
      const fn = makeFunction(route.id, route.entry, { officer: route.officer === true });
      // Submitting writes the report, listings, outbox and idempotency marker, reads the
      // marker back, and reads (or first seeds) the partner directory.
      if (route.table === 'submit') fn.addToRolePolicy(tableActions('PutItem', 'GetItem', 'ConditionCheckItem', 'Query'));
      // The status check reads one report and counts its rate-limit windows.
      if (route.table === 'status') fn.addToRolePolicy(tableActions('GetItem', 'UpdateItem'));
      // Officers read cases, change them (transactions of updates and puts) and append audit items.
      if (route.table === 'officer') {
        fn.addToRolePolicy(tableActions('GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem', 'Query'));
        fn.addToRolePolicy(queryIndexes(...inboxIndexNames));
      }
      // Voting: the ballot and its counter in one transaction, the ballot read back on a
      // retry, and the cookie key made once (a conditional put) and read.
      if (route.polls === 'vote') fn.addToRolePolicy(pollActions('GetItem', 'PutItem', 'UpdateItem'));
      // Results and the thank-you page read counters, tallies, final totals and one ballot
      // (and the thank-you page may be the first to make the cookie key).
      if (route.polls === 'read') fn.addToRolePolicy(pollActions('GetItem', 'BatchGetItem', 'Query', 'PutItem'));
      // Officers append event tallies (and correction markers) and review bursts.
      if (route.polls === 'officer') {
        fn.addToRolePolicy(pollActions('GetItem', 'BatchGetItem', 'PutItem', 'Query'));
        fn.addToRolePolicy(queryBallots);
      }
      this.api.addRoutes({ path: route.path, methods: [route.method === 'ANY' ? HttpMethod.ANY : HttpMethod[route.method]], integration: new HttpLambdaIntegration(`Integration-${route.id}`, fn) });
    }

    const onFailure = new Queue(this, 'RouterOnFailure', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    const router = makeFunction(backgroundFunctions.routeReport.id, backgroundFunctions.routeReport.entry, { timeout: Duration.seconds(30) });
    // Delivery updates outbox and report; flags query the repeat indexes; the directory is read (or seeded).
    router.addToRolePolicy(tableActions('GetItem', 'UpdateItem', 'Query', 'PutItem'));
    router.addToRolePolicy(queryIndexes('by-contact', 'by-place'));
    router.addToRolePolicy(sendEmail);
    router.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 3,
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(onFailure),
        // Only new outbox entries (to send) and new reports (to flag) wake the router.
        filters: [
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('outbox') } } } }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('report') } } } }),
        ],
      }),
    );

    const sweeper = makeFunction(backgroundFunctions.sweepOutbox.id, backgroundFunctions.sweepOutbox.entry, { timeout: Duration.minutes(2) });
    sweeper.addToRolePolicy(tableActions('GetItem', 'UpdateItem', 'Query', 'PutItem'));
    sweeper.addToRolePolicy(queryIndexes('outbox-pending'));
    sweeper.addToRolePolicy(sendEmail);
    // Closed polls are recounted from their ballots and their totals fixed.
    const closer = makeFunction(backgroundFunctions.closePolls.id, backgroundFunctions.closePolls.entry, { timeout: Duration.minutes(5) });
    closer.addToRolePolicy(pollActions('GetItem', 'PutItem'));
    closer.addToRolePolicy(queryBallots);
    new Rule(this, 'ClosePollsSchedule', { schedule: Schedule.rate(Duration.minutes(10)), targets: [new LambdaFunction(closer)] });

    new Rule(this, 'SweepSchedule', { schedule: Schedule.rate(Duration.minutes(5)), targets: [new LambdaFunction(sweeper)] });
  }
}
