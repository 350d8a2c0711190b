/**
 * The portal's AWS stack: both tables under one customer-managed key, officer sign-in,
 * one function per API route behind the HTTP API, the stream router, the sweeper, the poll
 * closer and the email feedback handler, the site behind CloudFront, and the alarms.
 * Grants are per function and per action: nothing here can Scan or delete.
 */
import { routedImage, routedRecords } from '../../functions/route-report/routed-records';
import { EvidenceStorage } from './evidence-storage';
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, CfnUserPoolGroup, FeaturePlan, Mfa, StandardThreatProtectionMode, UserPool } from 'aws-cdk-lib/aws-cognito';
import { EventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ConfigurationSet, EmailSendingEvent, EventDestination, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { backgroundFunctions, httpRoutes } from '../../functions/routes';
import { LIVE_REGION_PAGES } from '../../functions/site-regions/refresh';
import { defaultProfile } from '../../shared/config/load-profile';
import { Alarms } from './alarms';
import { siteUrlFor } from './deploy-parameters';
import { PortalFunctions } from './portal-functions';
import { PortalTables } from './portal-tables';
import { SiteHosting } from './site-hosting';

export interface PortalStackProps extends StackProps {
  stage: 'dev' | 'prod';
  /** The built site (site/dist), uploaded to the site bucket. */
  siteDir: string;
  /** The CloudFront web ACL from the edge stack (us-east-1). */
  webAclArn: string;
  alarmEmail?: string;
  domainName?: string;
  certificateArn?: string;
}

/** API Gateway's own limit for the whole stage, far above a district's busiest hour. */
const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };

export class PortalStack extends Stack {
  readonly tables: PortalTables;
  readonly api: HttpApi;
  readonly functions: PortalFunctions;
  readonly userPool: UserPool;
  readonly site: SiteHosting;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    const profile = defaultProfile();
    const prod = props.stage === 'prod';
    const retain = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // One customer-managed key for the data at rest (tables, their streams, the alarm topic).
    const dataKey = new Key(this, 'DataKey', {
      description: `Community safety portal data (${props.stage})`,
      enableKeyRotation: true,
      removalPolicy: retain,
      pendingWindow: Duration.days(prod ? 30 : 7),
    });
    // CloudWatch publishes alarms to the encrypted topic.
    dataKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
    this.tables = new PortalTables(this, 'Data', { prod, key: dataKey });

    // Officer sign-in: MFA required, no self sign-up, threat protection, groups admin, officer and one per partner.
    this.userPool = new UserPool(this, 'Officers', {
      selfSignUpEnabled: false,
      // Usernames are the officers' work email addresses, so the access token's `username`
      // (what the audit trail records) says who it was; with an email alias it would be a UUID.
      signInAliases: { username: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Blocks sign-ins with leaked or suspicious credentials (a few pence per officer a month).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: prod,
      removalPolicy: retain,
    });
    const workspaceClient = this.userPool.addClient('Workspace', {
      authFlows: { userPassword: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    for (const group of ['admin', 'officer', ...profile.partners.map((p) => `partner-${p.id}`)]) {
      new CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;

    const emailConfiguration = new ConfigurationSet(this, 'Email', {
      // Names unique per account: one account may hold several partnerships' stacks.
      configurationSetName: `csp-portal-${profile.id}-${props.stage}`,
      // Addresses that bounce or complain are not emailed again until an admin clears them.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    // Bounces and complaints go to the default event bus (the only one SES supports).
    emailConfiguration.addEventDestination('Feedback', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    const metricsNamespace = `CspPortal/${profile.id}/${props.stage}`;
    const evidence = new EvidenceStorage(this, 'Evidence', { stage: props.stage, key: dataKey, reportDays: profile.retention.reportDays });
    this.functions = new PortalFunctions(this, 'Functions', {
      evidence,
      stage: props.stage,
      tables: this.tables,
      key: dataKey,
      officer: { issuer, clientId: workspaceClient.userPoolClientId },
      senderEmail: profile.senderEmail,
      configurationSetName: emailConfiguration.configurationSetName,
      metricsNamespace,
    });
    const fns = this.functions.byId;

    // HTTP API: one route per entry in functions/routes.ts; officer routes also need a valid Cognito token at the gateway.
    this.api = new HttpApi(this, 'Api', { description: `${profile.name} portal API (${props.stage})`, createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    new HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Route templates, statuses and timings: no addresses, paths, user agents or bodies.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const officerAuthorizer = new HttpJwtAuthorizer('Officers', issuer, { jwtAudience: [workspaceClient.userPoolClientId] });
    // The workspace API needs an officer's token; every other route is public.
    const needsToken = (path: string) => path.startsWith('/api/officer/');
    for (const route of httpRoutes) {
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [route.method === 'ANY' ? HttpMethod.ANY : HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`Integration-${route.id}`, fns[route.id]!),
        ...(needsToken(route.path) ? { authorizer: officerAuthorizer } : {}),
      });
      if (!needsToken(route.path)) {
        for (const r of routes)
          Validations.of(r).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `Public route (${route.id}): residents report, vote and read without an account; input is validated by the handler and rate-limited by WAF and stage throttling.`,
          });
      }
    }

    this.site = new SiteHosting(this, 'Site', {
      stage: props.stage,
      api: this.api,
      siteDir: props.siteDir,
      webAclArn: props.webAclArn,
      signInOrigin: `https://cognito-idp.${this.region}.amazonaws.com`,
      evidenceOrigin: EvidenceStorage.originOf(evidence.evidence),
      ...(props.domainName ? { domainName: props.domainName } : {}),
      ...(props.certificateArn ? { certificateArn: props.certificateArn } : {}),
    });
    const siteUrl = siteUrlFor(props, this.site.distribution.distributionDomainName);
    this.functions.setSiteUrl(siteUrl);
    evidence.allowUploadsFrom(siteUrl);

    // The live regions job rewrites two pages of the published site (and only those), and
    // invalidates their cached copies.
    const regions = fns[backgroundFunctions.refreshSiteRegions.id]!;
    regions.addEnvironment('SITE_BUCKET', this.site.bucket.bucketName);
    regions.addEnvironment('DISTRIBUTION_ID', this.site.distribution.distributionId);
    regions.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: LIVE_REGION_PAGES.map((page) => this.site.bucket.arnForObjects(page)),
      }),
    );
    this.site.distribution.grantCreateInvalidation(regions);

    // The stream router: new outbox entries (to send) and new reports (to flag).
    const onFailure = this.failureQueue('RouterOnFailure', 'the failure destination of the stream router');
    fns[backgroundFunctions.routeReport.id]!.addEventSource(
      new DynamoEventSource(this.tables.reports, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 3,
        maxRecordAge: Duration.hours(1),
        // Records given up on are parked here; the sweeper still sends their emails (the outbox item stays pending).
        onFailure: new SqsDlq(onFailure),
        filters: routedRecords.map((r) =>
          FilterCriteria.filter({
            eventName: FilterRule.or(...r.events),
            dynamodb: { [routedImage(r.events[0])]: { entity: { S: FilterRule.isEqual(r.entity) } } },
          }),
        ),
      }),
    );

    // Schedules: a missed run is made up by the next one, so no dead-letter queue.
    const schedules = [
      new Rule(this, 'SweepSchedule', {
        schedule: Schedule.rate(Duration.minutes(1)),
        targets: [new LambdaFunction(fns[backgroundFunctions.sweepOutbox.id]!)],
      }),
      new Rule(this, 'SiteRegionsSchedule', {
        schedule: Schedule.rate(Duration.minutes(1)),
        targets: [new LambdaFunction(regions)],
      }),
      new Rule(this, 'ClosePollsSchedule', {
        schedule: Schedule.rate(Duration.minutes(10)),
        targets: [new LambdaFunction(fns[backgroundFunctions.closePolls.id]!)],
      }),
    ];
    for (const s of schedules)
      Validations.of(s).acknowledge({
        id: 'Serverless-EventBusDLQ',
        reason:
          'A scheduled run that fails is made up by the next run minutes later; the outbox-age alarm catches a sweeper that keeps failing.',
      });

    // Bounce and complaint events for this stage's configuration set, retried and then parked.
    const feedbackFailures = this.failureQueue('FeedbackFailures', 'the dead-letter queue of the email feedback rule');
    new Rule(this, 'EmailFeedback', {
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received'],
        detail: { mail: { tags: { 'ses:configuration-set': [emailConfiguration.configurationSetName] } } },
      },
      targets: [
        new LambdaFunction(fns[backgroundFunctions.deliveryFeedback.id]!, {
          deadLetterQueue: feedbackFailures,
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });

    // Malware scan results for uploads, retried and then parked.
    const scanFailures = this.failureQueue('ScanResultFailures', 'the dead-letter queue of the malware scan results rule');
    evidence.scanWith(fns[backgroundFunctions.processEvidence.id]!, scanFailures);
    for (const [fnId, bucket, prefix, reason] of [
      ['evidence-page', evidence.quarantine, 'uploads/', 'It signs uploads, each to a key of its own under uploads/.'],
      ['evidence-grants', evidence.quarantine, 'uploads/', 'It signs uploads, each to a key of its own under uploads/.'],
      ['process-evidence', evidence.quarantine, 'uploads/', 'It reads and deletes each scanned upload, all under uploads/.'],
      [
        'process-evidence',
        evidence.evidence,
        'reports/',
        'It keeps clean files under reports/<reference>/, and removes one a full report has no room for.',
      ],
      ['officer-read', evidence.evidence, 'reports/', 'It signs five-minute addresses to kept files, for readers the report allows.'],
      [
        backgroundFunctions.routeReport.id,
        evidence.evidence,
        'reports/',
        'It deletes a kept file when its record leaves the table with its report.',
      ],
    ] as const)
      Validations.of(fns[fnId]!).acknowledge({ id: evidence.objectsFinding(bucket, prefix), reason });

    const alarms = new Alarms(this, 'Alarms', {
      stage: props.stage,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
      masterKey: dataKey,
      api: this.api,
      tables: [this.tables.reports, this.tables.polls],
      failureQueues: [onFailure, feedbackFailures, scanFailures],
      metricsNamespace,
    });

    // What the README's first-admin and runbook steps need (printed by `npm run deploy`).
    new CfnOutput(this, 'SiteUrl', { value: siteUrl, description: 'The portal’s public address' });
    new CfnOutput(this, 'CloudFrontDomain', {
      value: this.site.distribution.distributionDomainName,
      description: 'Point the site’s DNS name (CNAME or alias) here',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId, description: 'Officer user pool: create the first admin here' });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'RouterFailureQueueUrl', { value: onFailure.queueUrl });
    new CfnOutput(this, 'EmailConfigurationSet', { value: emailConfiguration.configurationSetName });
  }

  /** An encrypted queue where failed records or events are parked (an alarm watches each). */
  private failureQueue(id: string, role: string): Queue {
    const queue = new Queue(this, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    const reason = `This queue is itself ${role}; an alarm fires when it holds anything.`;
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason });
    Validations.of(queue).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason });
    return queue;
  }
}
