/**
 * Template assertions on the synthesised stacks (what `cdk deploy` would create) and
 * cdk-nag over the whole app: zero unacknowledged findings, every acknowledgement reasoned.
 */
import { routedRecords } from '../../functions/route-report/routed-records';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, Validations, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { reportsTable } from '../../functions/adapters/dynamodb/table-definition';
import { buildApp } from '../../infra/aws/app';
import { functionEntries } from '../../infra/aws/bundle';
import { defaultProfile } from '../../shared/config/load-profile';
import type { PortalStack } from '../../infra/aws/portal-stack';
import { contentSecurityPolicy } from '../../infra/site-security-headers';

const prodParameters = {
  stage: 'prod',
  region: 'eu-west-2',
  alarmEmail: 'csp-oncall@fernbrook.example',
  domainName: 'reports.fernbrook.example',
  certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d',
} as const;
let siteDir: string;
let devApp: App;
let prodApp: App;
let dev: { portal: PortalStack; edge: Stack };
let template: Template;
let prod: Template;
let edge: Template;

beforeAll(() => {
  process.env.CDK_DEFAULT_ACCOUNT = '111111111111';
  siteDir = mkdtempSync(join(tmpdir(), 'csp-site-'));
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Portal</title>');
  devApp = new App();
  dev = buildApp(devApp, { stage: 'dev', region: 'eu-west-2' }, siteDir);
  prodApp = new App();
  const prodStacks = buildApp(prodApp, prodParameters, siteDir);
  template = Template.fromStack(dev.portal);
  prod = Template.fromStack(prodStacks.portal);
  edge = Template.fromStack(prodStacks.edge);
});
afterAll(() => rmSync(siteDir, { recursive: true, force: true }));

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
function statementsOf(t: Template, functionId: string): Statement[] {
  const roles = t.findResources('AWS::IAM::Role');
  const roleId = Object.keys(roles).find((id) => id.startsWith(`FunctionsFn${functionId.replace(/-/g, '')}ServiceRole`))!;
  const policies = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId));
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
const actionsOf = (t: Template, fn: string) => statementsOf(t, fn).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
const functionsOf = (t: Template) =>
  Object.values(t.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.Environment?.Variables?.TABLE_NAME);

describe('cdk-nag', () => {
  it.each([
    ['AwsSolutionsChecks', () => new AwsSolutionsChecks()],
    ['ServerlessChecks', () => new ServerlessChecks()],
  ])('%s finds nothing unacknowledged in either stage', (_name, pack) => {
    for (const app of [devApp, prodApp]) {
      const report = pack().validateScope(app);
      expect(
        report.violations.map(
          (v) => `${v.ruleName}: ${v.violatingResources.map((r) => (r as { constructPath?: string }).constructPath).join(', ')}`,
        ),
      ).toEqual([]);
    }
  });

  it('gives every acknowledgement a written reason', () => {
    const acknowledgements = [devApp, prodApp].flatMap((app) =>
      app.node
        .findAll()
        .flatMap((c) =>
          c.node.metadata
            .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
            .flatMap((m) => Object.entries(m.data as Record<string, string>)),
        ),
    );
    expect(acknowledgements.length).toBeGreaterThan(10);
    for (const [id, reason] of acknowledgements) expect(reason.length, id).toBeGreaterThan(40);
  });
});

describe('site hosting', () => {
  it('keeps the site in a private, SSL-only bucket with access logs', () => {
    const all = Object.values(template.findResources('AWS::S3::Bucket'));
    // The site, its access logs, and the three buckets of residents' files (checked below).
    expect(all).toHaveLength(5);
    const buckets = all.filter((b) => !JSON.stringify(b).includes('evidence') && !JSON.stringify(b).includes('quarantine'));
    for (const b of all)
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    const site = buckets.find((b) => b.Properties.LoggingConfiguration?.LogFilePrefix === 'site-bucket/')!;
    expect(site.Properties.LoggingConfiguration.LogFilePrefix).toBe('site-bucket/');
    // Access logs hold viewers' addresses: they expire.
    expect(
      all
        .filter((b) => !b.Properties.LoggingConfiguration)
        .map((b) => b.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays)
        .sort(),
    ).toEqual([365, 90]);
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')).map((p) => JSON.stringify(p.Properties.PolicyDocument));
    expect(policies.every((p) => p.includes('"aws:SecureTransport":"false"') && p.includes('"Effect":"Deny"'))).toBe(true);
    expect(policies.some((p) => p.includes('cloudfront.amazonaws.com'))).toBe(true);
  });

  it('serves it through CloudFront with origin access control, the firewall, HTTPS and the folder-index function', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const { DistributionConfig: config } = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties;
    expect(config.WebACLId).toBeDefined();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request');
    expect(config.Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig).OriginAccessControlId).toBeDefined();
    expect(config.Logging.Prefix).toBe('cdn/');
    prod.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['reports.fernbrook.example'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }),
      }),
    });
  });

  it('adds HSTS, a CSP without inline script, no framing, nosniff and a referrer policy to every site file', () => {
    const policies = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')).map(
      (p) => p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig,
    );
    const site = policies.find((p) => p.ContentSecurityPolicy.Override)!;
    // The evidence bucket's name is known at deploy time: the policy is the function's, with that origin for images.
    const csp = JSON.stringify(site.ContentSecurityPolicy.ContentSecurityPolicy);
    const [before, after] = contentSecurityPolicy('https://cognito-idp.eu-west-2.amazonaws.com', 'EVIDENCE').split('EVIDENCE');
    expect(csp).toContain(JSON.stringify(before).slice(1, -1));
    expect(csp).toContain(JSON.stringify(after).slice(1, -1));
    expect(csp).toMatch(/img-src 'self' data: https:\/\/",\{"Ref":"Evidence[0-9A-F]+"\},"\.s3\./);
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(site).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
  });

  it('sends /api/* to the HTTP API uncached, with only the headers and cookie the handlers read', () => {
    const { DistributionConfig: config } = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties;
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api.AllowedMethods).toHaveLength(7);
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    expect(JSON.stringify(config.Origins)).toContain('execute-api.eu-west-2.amazonaws.com');
    const cache = Object.values(template.findResources('AWS::CloudFront::CachePolicy'))
      .map((p) => p.Properties.CachePolicyConfig)
      .find((c) => c.Comment.startsWith('Portal API'));
    // Default and minimum TTL 0: nothing is stored (and every API response says no-store).
    expect(cache).toMatchObject({ DefaultTTL: 0, MinTTL: 0, MaxTTL: 1 });
    expect(cache.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers).toEqual(['authorization']);
    const request = Object.values(template.findResources('AWS::CloudFront::OriginRequestPolicy'))[0]!.Properties.OriginRequestPolicyConfig;
    expect(request.HeadersConfig).toEqual({
      HeaderBehavior: 'whitelist',
      Headers: ['accept', 'content-type', 'idempotency-key', 'user-agent', 'cloudfront-viewer-address'],
    });
    expect(request.CookiesConfig).toEqual({ CookieBehavior: 'whitelist', Cookies: ['voter'] });
  });
});

describe('poll pages and the live regions', () => {
  it('sends /polls* to the HTTP API, kept a minute at most as the page says, with no cookie, header or query in the key', () => {
    const { DistributionConfig: config } = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties;
    const pages = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/polls*');
    expect(pages.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(pages.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/PageRequest/), 'FunctionARN'] } },
    ]);
    const cache = Object.values(template.findResources('AWS::CloudFront::CachePolicy'))
      .map((p) => p.Properties.CachePolicyConfig)
      .find((c) => c.Comment.startsWith('Pages rendered from the polls table'));
    expect(cache).toMatchObject({ DefaultTTL: 0, MinTTL: 0, MaxTTL: 60 });
    expect(cache.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
      CookiesConfig: { CookieBehavior: 'none' },
      HeadersConfig: { HeaderBehavior: 'none' },
      QueryStringsConfig: { QueryStringBehavior: 'none' },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /polls/{id}/vote' });
  });

  it('imports the pack polls on every deploy, and refreshes the live regions every minute', () => {
    expect(Object.keys(template.findResources('Custom::Trigger'))).toHaveLength(1);
    const rules = Object.values(template.findResources('AWS::Events::Rule')).filter(
      (r) => r.Properties.ScheduleExpression === 'rate(1 minute)',
    );
    expect(rules).toHaveLength(2);
  });
});

describe('firewall', () => {
  it('is a CloudFront web ACL in us-east-1 with the common rules and rate limits on report and ballot submissions', () => {
    expect(dev.edge.region).toBe('us-east-1');
    const acl = Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0]!.Properties;
    expect(acl.Scope).toBe('CLOUDFRONT');
    const rules = acl.Rules as { Name: string; Statement: { RateBasedStatement: { ScopeDownStatement: unknown } } }[];
    expect(rules.map((r) => r.Name)).toEqual([
      'report-submissions',
      'ballot-submissions',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    const reports = rules[0]!.Statement.RateBasedStatement;
    expect(reports).toMatchObject({ AggregateKeyType: 'IP', Limit: 20, EvaluationWindowSec: 300 });
    expect(JSON.stringify(reports.ScopeDownStatement)).toContain('"SearchString":"/api/reports"');
    expect(JSON.stringify(reports.ScopeDownStatement)).toContain('"SearchString":"POST"');
    expect(JSON.stringify(rules[1]!.Statement.RateBasedStatement.ScopeDownStatement)).toContain('"SearchString":"/ballots"');
  });
});

describe('HTTP API', () => {
  it('throttles the stage and writes access logs (no addresses) to a log group with finite retention', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(stage.AccessLogSettings.Format).toContain('$context.routeKey');
    expect(stage.AccessLogSettings.Format).not.toContain('sourceIp');
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    for (const g of logGroups) expect(g.Properties.RetentionInDays).toBeGreaterThan(0);
    expect(logGroups.some((g) => g.Properties.RetentionInDays === 90)).toBe(true);
  });

  it('routes the API paths to their functions, and checks officer tokens at the gateway too', () => {
    for (const key of [
      'ANY /api/reports',
      'GET /api/reports/{reference}/confirmation',
      'GET /api/openapi.json',
      'ANY /api/report-status',
      'ANY /api/polls/{id}/ballots',
      'ANY /api/polls/{id}/start',
      'GET /api/polls/{id}/{view}',
    ]) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'NONE' });
    }
    // The workspace API: one function per method (read, change, admin), each behind the token check.
    for (const method of ['GET', 'POST', 'PUT'])
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `${method} /api/officer/{proxy+}`, AuthorizationType: 'JWT' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: Match.objectLike({
        Issuer: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['https://cognito-idp.eu-west-2.amazonaws.com/'])]) }),
      }),
    });
  });
});

describe('functions', () => {
  it("all run Node 24 (on arm64, but for the one with native binaries, on the machine's own), bundled and minified, with explicit memory and timeout, the stage and their own log group", () => {
    const fns = functionsOf(template);
    // One per route and background function (CDK's own helpers have no table).
    expect(fns).toHaveLength(functionEntries().length);
    for (const fn of fns) {
      const native = JSON.stringify(fn.Properties.Environment.Variables).includes('QUARANTINE') && fn.Properties.MemorySize === 2048;
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: [native && process.arch !== 'arm64' ? 'x86_64' : 'arm64'],
        Handler: 'index.handler',
        MemorySize: expect.any(Number),
        Timeout: expect.any(Number),
        LoggingConfig: { LogGroup: expect.anything() },
      });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        STAGE: 'dev',
        POWERTOOLS_SERVICE_NAME: 'csp-portal',
        POWERTOOLS_METRICS_NAMESPACE: 'CspPortal/fernbrook/dev',
      });
      expect(fn.Properties.Environment.Variables.SITE_URL).toBeDefined();
    }
    for (const fn of functionsOf(prod)) expect(fn.Properties.Environment.Variables.SITE_URL).toBe('https://reports.fernbrook.example');
  });

  it('gives no deployed function a local setting, and a prod stack with one does not synthesise', () => {
    for (const fn of functionsOf(prod)) {
      for (const name of ['LOCAL_MODE', 'DYNAMODB_ENDPOINT', 'SES_ENDPOINT', 'AWS_ACCESS_KEY_ID'])
        expect(fn.Properties.Environment.Variables[name]).toBeUndefined();
      if (fn.Properties.Environment.Variables.COGNITO_ISSUER)
        expect(JSON.stringify(fn.Properties.Environment.Variables.COGNITO_ISSUER)).toContain(
          'https://cognito-idp.eu-west-2.amazonaws.com/',
        );
    }
    const attempt = (change: (stack: PortalStack) => void) => () => {
      const app = new App();
      const { portal } = buildApp(app, prodParameters, siteDir);
      change(portal);
      Template.fromStack(portal);
    };
    expect(attempt((s) => s.functions.byId['officer-read']!.addEnvironment('COGNITO_ISSUER', 'http://127.0.0.1:9229/local_pool'))).toThrow(
      /officer-read: COGNITO_ISSUER must be this region's Cognito/,
    );
    expect(attempt((s) => s.functions.byId['submit-report']!.addEnvironment('DYNAMODB_ENDPOINT', 'http://127.0.0.1:8000'))).toThrow(
      /submit-report: DYNAMODB_ENDPOINT is for the local stack only/,
    );
    expect(attempt((s) => s.functions.byId['route-report']!.addEnvironment('LOCAL_MODE', 'true'))).toThrow(
      /route-report: LOCAL_MODE is for the local stack only/,
    );
  });

  it('feeds the router from the stream with partial batch failures, bisect, bounded retries and record age, and an encrypted on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: { Filters: routedRecords.map(() => ({ Pattern: Match.anyValue() })) },
    });
    // Every record the router acts on reaches it, and no other: incidents and cases included.
    const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))[0]!;
    const patterns = (mapping.Properties.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } },
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['report'] } } } },
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['incident'] } } } },
      { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { entity: { S: ['case'] } } } },
      // A file's record removed (with its report, by TTL): its old image is all there is.
      { eventName: ['REMOVE'], dynamodb: { OldImage: { entity: { S: ['evidence'] } } } },
    ]);
    for (const q of Object.values(template.findResources('AWS::SQS::Queue'))) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('runs the sweeper and the poll closer on schedules', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(10 minutes)' });
  });
});

describe('data', () => {
  it('encrypts both tables with one customer-managed key that rotates', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const tables = Object.values(template.findResources('AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(2);
    for (const t of tables)
      expect(t.Properties.SSESpecification).toEqual({
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] },
      });
  });

  it('gives the reports table a stream, TTL, point-in-time recovery and the indexes; the polls table TTL and recovery, no stream', () => {
    const tables = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const reports = tables.find((t) => t.Properties.StreamSpecification)!;
    expect(reports.Properties).toMatchObject({
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
    expect(reports.Properties.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName).sort()).toEqual(
      reportsTable.indexes.map((i) => i.name).sort(),
    );
    const polls = tables.find((t) => !t.Properties.StreamSpecification)!;
    expect(polls.Properties).toMatchObject({
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      GlobalSecondaryIndexes: [expect.objectContaining({ IndexName: 'ballots-by-shard' })],
    });
  });

  it('retains data and protects it from deletion in prod only', () => {
    prod.allResources('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    prod.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    prod.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    template.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    for (const t of Object.values(template.findResources('AWS::DynamoDB::Table')))
      expect(t.Properties.DeletionProtectionEnabled).toBe(false);
  });
});

describe('email', () => {
  it('sends through a configuration set whose bounces and complaints reach the feedback function, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'csp-portal-fernbrook-dev',
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        EventBridgeDestination: Match.anyValue(),
      }),
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': ['Email Bounced', 'Email Complaint Received'],
        detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: Match.stringLikeRegexp('^Email') }] } } },
      },
      Targets: [
        Match.objectLike({ DeadLetterConfig: Match.anyValue(), RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 } }),
      ],
    });
    for (const fn of ['route-report', 'sweep-outbox']) {
      const ses = statementsOf(template, fn).find((s) => s.Action === 'ses:SendEmail')!;
      expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'reports@fernbrook-csp.example' } });
      expect(JSON.stringify(ses.Resource)).toMatch(/configuration-set\/",{"Ref":"Email/);
      expect(JSON.stringify(ses.Resource)).not.toContain('identity/*');
    }
    expect(actionsOf(template, 'delivery-feedback').filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:UpdateItem']);
  });
});

describe('officer sign-in', () => {
  it('requires MFA (authenticator app), a strong password, no self sign-up, and blocks risky sign-ins', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireSymbols: true,
          RequireNumbers: true,
          RequireUppercase: true,
          RequireLowercase: true,
        }),
      },
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('has the admin, officer and one group per partner', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup'))
      .map((g) => g.Properties.GroupName)
      .sort();
    const partners = defaultProfile().partners.map((p) => `partner-${p.id}`);
    expect(partners.length).toBeGreaterThan(1);
    expect(groups).toEqual(['admin', 'officer', ...partners].sort());
  });
});

describe('alarms', () => {
  const alarms = () => Object.values(prod.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);

  it('sends every alarm (and its recovery) to an encrypted SNS topic emailed to the address given', () => {
    prod.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    prod.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'csp-oncall@fernbrook.example' });
    expect(alarms()).toHaveLength(7);
    for (const a of alarms()) {
      expect(a.AlarmActions).toHaveLength(1);
      expect(a.OKActions).toHaveLength(1);
    }
  });

  it('watches the failure queues, the API 5xx rate, throttles, the oldest pending email and polls whose counters drifted', () => {
    const all = alarms();
    expect(all.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && a.Threshold === 0)).toHaveLength(3);
    const rate = all.find((a) => JSON.stringify(a.Metrics ?? []).includes('5xx'))!;
    expect(rate.Metrics.find((m: { Expression?: string }) => m.Expression).Expression).toBe('100 * errors / MAX([requests, 1])');
    const throttles = all.find((a) => JSON.stringify(a.Metrics ?? []).includes('Throttles'))!;
    expect(JSON.stringify(throttles.Metrics)).toContain('ThrottledRequests');
    expect(all.find((a) => a.MetricName === 'OldestPendingOutboxAgeSeconds')).toMatchObject({
      Namespace: 'CspPortal/fernbrook/prod',
      Threshold: 3600,
      TreatMissingData: 'breaching',
    });
    expect(all.find((a) => a.MetricName === 'PollCountMismatches')).toMatchObject({
      Namespace: 'CspPortal/fernbrook/prod',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
  });
});

describe("residents' files", () => {
  const bucketsNamed = (t: Template, prefix: string) =>
    Object.entries(t.findResources('AWS::S3::Bucket'))
      .filter(([id]) => id.startsWith(prefix))
      .map(([, b]) => b.Properties);

  it('keeps uploads and clean files in private, KMS-encrypted, access-logged buckets that expire what is left', () => {
    const [quarantine] = bucketsNamed(template, 'EvidenceQuarantine');
    const [kept] = bucketsNamed(template, 'Evidence').filter(
      (b) => !JSON.stringify(b).includes('CorsConfiguration') && b.LoggingConfiguration?.LogFilePrefix === 'evidence/',
    );
    for (const bucket of [quarantine, kept]) {
      expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0]).toMatchObject({
        ServerSideEncryptionByDefault: {
          SSEAlgorithm: 'aws:kms',
          KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] },
        },
        BucketKeyEnabled: true,
      });
      expect(bucket.PublicAccessBlockConfiguration.RestrictPublicBuckets).toBe(true);
      expect(bucket.LoggingConfiguration.DestinationBucketName).toBeDefined();
    }
    expect(quarantine.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(30);
    expect(kept.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(defaultProfile().retention.reportDays + 30);
    // Browsers post uploads from the site only.
    expect(quarantine.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['POST'], AllowedOrigins: [expect.anything()], ExposedHeaders: ['ETag'] }),
    ]);
    expect(JSON.stringify(prod.findResources('AWS::S3::Bucket'))).toContain('"AllowedOrigins":["https://reports.fernbrook.example"]');
  });

  it('scans every upload with GuardDuty, whose results reach the processing function with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { BucketName: { Ref: Match.stringLikeRegexp('^EvidenceQuarantine') }, ObjectPrefixes: ['uploads/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    const rule = Object.values(template.findResources('AWS::Events::Rule')).find((r) => JSON.stringify(r).includes('aws.guardduty'))!;
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
      detail: { s3ObjectDetails: { bucketName: [{ Ref: expect.stringMatching(/^EvidenceQuarantine/) }] } },
    });
    expect(rule.Properties.Targets[0]).toMatchObject({
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^ScanResultFailures/), 'Arn'] } },
      RetryPolicy: { MaximumRetryAttempts: 8 },
    });
    expect(JSON.stringify(rule.Properties.Targets[0].Arn)).toContain('Fnprocessevidence');
  });

  it('lets each function touch only the objects its code does', () => {
    const s3Actions = (fn: string) =>
      actionsOf(template, fn)
        .filter((a) => a.startsWith('s3:'))
        .sort();
    const s3Resources = (fn: string) =>
      JSON.stringify(
        statementsOf(template, fn)
          .filter((s) => JSON.stringify(s.Action).includes('s3:'))
          .map((s) => s.Resource),
      );
    expect(s3Actions('evidence-page')).toEqual(['s3:PutObject']);
    expect(s3Resources('evidence-page')).toMatch(/"Fn::GetAtt":\["EvidenceQuarantine[0-9A-F]+","Arn"\]\},"\/uploads\/\*"/);
    expect(s3Actions('officer-read')).toEqual(['s3:GetObject']);
    expect(s3Resources('officer-read')).toContain('/reports/*');
    expect(s3Actions('officer-write')).toEqual([]);
    expect(s3Actions('submit-report')).toEqual([]);
    expect(s3Actions('route-report')).toEqual(['s3:DeleteObject']);
    expect(s3Actions('process-evidence')).toEqual([
      's3:DeleteObject',
      's3:DeleteObject',
      's3:GetObject',
      's3:GetObjectTagging',
      's3:PutObject',
      's3:PutObjectTagging',
    ]);
    // The data key only through S3 for the objects.
    for (const fn of ['evidence-page', 'officer-read', 'process-evidence'])
      expect(statementsOf(template, fn).some((s) => JSON.stringify(s.Condition ?? '').includes('s3.eu-west-2.amazonaws.com'))).toBe(true);
  });
});

describe('least privilege', () => {
  it('lets the submit function write and read items, and use the table key only through DynamoDB', () => {
    expect(
      actionsOf(template, 'submit-report')
        .filter((a) => a.startsWith('dynamodb:'))
        .sort(),
    ).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    const kms = statementsOf(template, 'submit-report').find((s) => JSON.stringify(s.Action).includes('kms:'))!;
    expect(kms.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'dynamodb.eu-west-2.amazonaws.com' } });
  });

  it('lets the confirmation page read or make the receipt key and touch nothing else in the table', () => {
    const statements = statementsOf(template, 'report-confirmation').filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));
    expect(statements).toHaveLength(1);
    expect([statements[0]!.Action].flat().sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(statements[0]!.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['CONFIG#secrets'] } });
  });

  it("lets the private link functions read a report and add the resident's records, with no index, batch or scan", () => {
    for (const fn of ['private-report', 'resident-message'])
      expect([...new Set(actionsOf(template, fn).filter((a) => a.startsWith('dynamodb:')))].sort()).toEqual([
        'dynamodb:ConditionCheckItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ]);
  });

  it('gives no function Scan, DeleteItem or a wildcard action', () => {
    for (const fn of [
      'submit-report',
      'route-report',
      'sweep-outbox',
      'openapi',
      'report-confirmation',
      'officer-read',
      'officer-write',
      'officer-admin',
      'report-status',
      'private-report',
      'resident-message',
      'sign-in-config',
      'poll-start',
      'cast-ballot',
      'poll-pages',
      'close-polls',
      'delivery-feedback',
    ]) {
      for (const action of actionsOf(template, fn)) expect(action).not.toMatch(/\*|Scan|DeleteItem|DeleteTable/);
    }
  });

  it('splits the officer API by what a request may do: reads update nothing but the unread mark, changes read in batches but cannot search or batch-write, partners cannot touch polls', () => {
    const dynamo = (fn: string) => [...new Set(actionsOf(template, fn).filter((a) => a.startsWith('dynamodb:')))].sort();
    expect(dynamo('officer-read')).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    const update = statementsOf(template, 'officer-read').find((s) => [s.Action].flat().includes('dynamodb:UpdateItem'))!;
    expect([update.Action].flat()).toEqual(['dynamodb:UpdateItem']);
    expect(update.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'unreadMessages', 'inboxUnread'] },
    });
    expect(dynamo('officer-write')).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(dynamo('officer-admin')).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    // Only reads search the inbox and audit indexes; the partner function never sees the polls table.
    const searches = (fn: string) => JSON.stringify(statementsOf(template, fn)).includes('/index/inbox');
    expect(['officer-read', 'officer-write', 'officer-admin'].map(searches)).toEqual([true, false, false]);
    expect(JSON.stringify(statementsOf(template, 'officer-admin'))).not.toContain('DataPolls');
  });

  it('lets the live-regions job read and write only its two pages of the site, and only query the poll definitions', () => {
    const statements = statementsOf(template, 'refresh-site-regions');
    const s3 = statements.filter((st) => [st.Action].flat().some((a) => String(a).startsWith('s3:')));
    expect(s3.flatMap((st) => [st.Action].flat()).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(s3.map((st) => st.Resource))).toMatch(/\/index\.html.*\/you-said-we-did\/index\.html/);
    expect(actionsOf(template, 'refresh-site-regions').filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:Query']);
    expect(actionsOf(template, 'refresh-site-regions')).toContain('cloudfront:CreateInvalidation');
  });

  it('lets the ballot functions touch the polls table only, and only the officer reads and the closer query ballots', () => {
    for (const fn of ['poll-start', 'cast-ballot']) {
      expect(
        actionsOf(template, fn)
          .filter((a) => a.startsWith('dynamodb:'))
          .sort(),
      ).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
      expect(JSON.stringify(statementsOf(template, fn))).not.toContain('DataReports');
    }
    const queriesBallots = (fn: string) => JSON.stringify(statementsOf(template, fn)).includes('ballots-by-shard');
    expect(['officer-read', 'officer-write', 'close-polls', 'cast-ballot', 'poll-pages', 'submit-report'].map(queriesBallots)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
    ]);
  });

  it('lets only the router and sweeper send email, and the sweeper query only the pending-outbox index', () => {
    for (const fn of ['submit-report', 'officer-read', 'officer-write', 'officer-admin', 'delivery-feedback'])
      expect(actionsOf(template, fn)).not.toContain('ses:SendEmail');
    const query = statementsOf(template, 'sweep-outbox').find((s) => s.Action === 'dynamodb:Query')!;
    expect(JSON.stringify(query.Resource)).toContain('/index/outbox-pending');
    expect(JSON.stringify(query.Resource)).not.toContain('/index/inbox');
  });
});
