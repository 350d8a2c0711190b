/**
 * The web application firewall in front of CloudFront. A CloudFront web ACL must live in
 * us-east-1, so it has a small stack of its own; the portal stack refers to it across
 * regions. Rules: AWS's common and known-bad-input rule groups, and a rate limit per
 * address on report and ballot submissions (the only anonymous writes).
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Submissions one address may make in five minutes before WAF answers 429. */
const SUBMISSION_LIMITS = {
  // A household or a library shares one address; 20 reports in five minutes is far beyond a real resident.
  reports: 20,
  // Every member of a household may vote from one connection, and a public terminal serves many.
  ballots: 60,
} as const;

const RATE_WINDOW_SECONDS = 300;

const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName: name,
  sampledRequestsEnabled: true,
});

const isPost: CfnWebACL.StatementProperty = {
  byteMatchStatement: {
    fieldToMatch: { method: {} },
    positionalConstraint: 'EXACTLY',
    searchString: 'POST',
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
};
const path = (positionalConstraint: 'EXACTLY' | 'STARTS_WITH' | 'ENDS_WITH', searchString: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint,
    searchString,
    textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
  },
});

function rateRule(name: string, priority: number, limit: number, match: CfnWebACL.StatementProperty[]): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: { customResponse: { responseCode: 429 } } },
    statement: {
      rateBasedStatement: {
        aggregateKeyType: 'IP',
        limit,
        evaluationWindowSec: RATE_WINDOW_SECONDS,
        scopeDownStatement: { andStatement: { statements: [isPost, ...match] } },
      },
    },
    visibilityConfig: visibility(name),
  };
}

function managedRules(name: string, priority: number, excludedToCount: string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ruleActionOverrides: excludedToCount.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
      },
    },
    visibilityConfig: visibility(name),
  };
}

export interface EdgeStackProps extends StackProps {
  /** The partnership pack's id: web ACL names are unique per account, and an account may hold several partnerships. */
  partnershipId: string;
  stage: 'dev' | 'prod';
}

export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const acl = new CfnWebACL(this, 'WebAcl', {
      name: `csp-portal-${props.partnershipId}-${props.stage}`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`csp-portal-${props.partnershipId}-${props.stage}`),
      rules: [
        rateRule('report-submissions', 0, SUBMISSION_LIMITS.reports, [path('EXACTLY', '/api/reports')]),
        rateRule('ballot-submissions', 1, SUBMISSION_LIMITS.ballots, [path('STARTS_WITH', '/api/polls/'), path('ENDS_WITH', '/ballots')]),
        // The 8 KB body limit would block long reports (the API limits bodies itself), so it only counts.
        managedRules('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
        managedRules('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
    this.webAclArn = acl.attrArn;
  }
}
