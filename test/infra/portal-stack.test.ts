/** Template assertions on the synthesised stack: what `cdk deploy` would create. */
import { reportsTable } from '../../functions/adapters/dynamodb/table-definition';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PortalStack } from '../../infra/aws/portal-stack';

let template: Template;
let prod: Template;

beforeAll(() => {
  template = Template.fromStack(new PortalStack(new App(), 'Dev', { stage: 'dev', siteUrl: 'https://reports.example.org', env: { region: 'eu-west-2', account: '111111111111' } }));
  prod = Template.fromStack(new PortalStack(new App(), 'Prod', { stage: 'prod', siteUrl: 'https://reports.example.org', env: { region: 'eu-west-2', account: '111111111111' } }));
});

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
function statementsOf(template: Template, functionId: string): Statement[] {
  const roles = template.findResources('AWS::IAM::Role');
  const roleId = Object.keys(roles).find((id) => id.startsWith(`Fn${functionId.replace(/-/g, '')}ServiceRole`));
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId!));
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
const actionsOf = (template: Template, fn: string) => statementsOf(template, fn).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe('reports table', () => {
  it('has a stream, TTL on expiresAt, point-in-time recovery, the pending-outbox index and the inbox indexes', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: 'outbox-pending' }), Match.objectLike({ IndexName: 'inbox-status', KeySchema: [{ AttributeName: 'inboxStatus', KeyType: 'HASH' }, { AttributeName: 'listedAt', KeyType: 'RANGE' }] })]),
    });
    const table = Object.values(template.findResources('AWS::DynamoDB::Table')).find((t) => t.Properties.StreamSpecification)!;
    expect(table.Properties.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName).sort()).toEqual(reportsTable.indexes.map((i) => i.name).sort());
  });

  it('is retained and protected from deletion in prod only', () => {
    prod.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
  });
});

describe('polls table', () => {
  it('is a second table with TTL, point-in-time recovery and the ballots-by-shard index, and no stream', () => {
    const tables = Object.values(template.findResources('AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(2);
    const polls = tables.find((t) => !t.Properties.StreamSpecification)!;
    expect(polls.Properties).toMatchObject({
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [expect.objectContaining({ IndexName: 'ballots-by-shard', KeySchema: [{ AttributeName: 'ballotShard', KeyType: 'HASH' }, { AttributeName: 'castAt', KeyType: 'RANGE' }] })],
    });
  });

  it('lets the ballot functions touch the polls table only, and no function but the officer API and the closer query ballots', () => {
    for (const fn of ['poll-start', 'cast-ballot']) {
      const statements = statementsOf(template, fn);
      expect(actionsOf(template, fn).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
      expect(JSON.stringify(statements)).toContain('Polls');
      expect(JSON.stringify(statements)).not.toContain('Reports');
    }
    expect(actionsOf(template, 'poll-pages')).not.toContain('dynamodb:UpdateItem');
    const queriesBallots = (fn: string) => JSON.stringify(statementsOf(template, fn)).includes('ballots-by-shard');
    expect(['officer-api', 'close-polls', 'cast-ballot', 'poll-pages', 'submit-report'].map(queriesBallots)).toEqual([true, true, false, false, false]);
  });

  it('routes voting, results and the schedule that closes polls', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/polls/{id}/ballots' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/polls/{id}/start' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /api/polls/{id}/{view}' });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(10 minutes)' });
  });
});

describe('functions', () => {
  it('all run Node 24 on arm64 with a bundled, minified handler and finite log retention', () => {
    const fns = template.findResources('AWS::Lambda::Function');
    expect(Object.keys(fns)).toHaveLength(12);
    for (const fn of Object.values(fns)) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
      expect(fn.Properties.Environment.Variables).toHaveProperty('TABLE_NAME');
      expect(fn.Properties.Environment.Variables).toHaveProperty('POLLS_TABLE_NAME');
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('routes the API paths to their functions, with ANY on /api/reports so other methods get 405', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/reports' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /api/reports/{reference}/confirmation' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /api/openapi.json' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/officer/{proxy+}' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/report-status' });
  });

  it('feeds the router from the stream with partial batch failures, bounded retries and an SQS on-failure destination', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: { Filters: [{ Pattern: Match.stringLikeRegexp('outbox') }, { Pattern: Match.stringLikeRegexp('report') }] },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('runs the sweeper on a schedule', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)' });
  });
});

describe('officer sign-in', () => {
  it('has a user pool with MFA required, no self sign-up and a strong password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
    });
  });

  it('has the admin, officer and one group per partner', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName).sort();
    expect(groups).toEqual(['admin', 'officer', 'partner-council-asb-team', 'partner-fire-rescue', 'partner-hate-crime-support', 'partner-police', 'partner-riverside-homes']);
  });

  it('gives only the officer API and sign-in config the Cognito issuer (an https Cognito address) and client id', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function'));
    const withIssuer = fns.filter((f) => f.Properties.Environment.Variables.COGNITO_ISSUER);
    expect(withIssuer).toHaveLength(2);
    for (const f of withIssuer) expect(JSON.stringify(f.Properties.Environment.Variables.COGNITO_ISSUER)).toContain('https://cognito-idp.');
    for (const f of fns) expect(f.Properties.Environment.Variables.LOCAL_MODE).toBeUndefined();
  });

  it('lets the officer API read, query and change items, query the inbox indexes, append event tallies, and never delete', () => {
    const onTable = (name: string) => statementsOf(template, 'officer-api').filter((s) => JSON.stringify(s.Resource).includes(name) && !JSON.stringify(s.Resource).includes('/index/')).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(onTable('Reports').sort()).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    // Tallies are appended, never changed: no UpdateItem on the polls table.
    expect(onTable('Polls').sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    const indexQuery = statementsOf(template, 'officer-api').find((s) => s.Action === 'dynamodb:Query' && JSON.stringify(s.Resource).includes('/index/'));
    expect(JSON.stringify(indexQuery?.Resource)).toContain('/index/inbox-status');
    expect(JSON.stringify(indexQuery?.Resource)).not.toContain('/index/outbox-pending');
  });
});

describe('least privilege', () => {
  it('lets the submit function write and read items, and nothing else', () => {
    const actions = actionsOf(template, 'submit-report');
    expect(actions.sort()).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
  });

  it('gives no function Scan, DeleteItem or a wildcard action', () => {
    for (const fn of ['submit-report', 'route-report', 'sweep-outbox', 'openapi', 'report-confirmation', 'officer-api', 'report-status', 'sign-in-config']) {
      for (const action of actionsOf(template, fn)) {
        expect(action).not.toMatch(/\*|Scan|DeleteItem|DeleteTable/);
      }
    }
  });

  it('lets only the router and sweeper send email, and only from the partnership address', () => {
    expect(actionsOf(template, 'submit-report')).not.toContain('ses:SendEmail');
    for (const fn of ['route-report', 'sweep-outbox']) {
      const ses = statementsOf(template, fn).find((s) => s.Action === 'ses:SendEmail');
      expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'reports@avonford-csp.example' } });
    }
  });

  it('lets the sweeper query only the pending-outbox index', () => {
    const query = statementsOf(template, 'sweep-outbox').find((s) => s.Action === 'dynamodb:Query');
    expect(JSON.stringify(query?.Resource)).toContain('/index/outbox-pending');
    expect(JSON.stringify(query?.Resource)).not.toContain('/index/inbox');
  });
});
