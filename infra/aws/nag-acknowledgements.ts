/**
 * cdk-nag findings on resources the portal does not write itself (CDK's own helper
 * functions) or that hold across every function, each with the reason it is accepted.
 * Findings on the portal's own resources are acknowledged where those are made.
 */
import { Token, Validations, type Stack } from 'aws-cdk-lib';

const BASIC_EXECUTION_ROLE = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/** CDK's site upload function (BucketDeployment): AWS's code, run only during a deployment. */
const DEPLOYMENT_HELPER: Record<string, string> = {
  'AwsSolutions-L1': 'CDK’s BucketDeployment helper pins its own runtime; it runs only during deployment, never on a resident’s request.',
  'Serverless-LambdaLatestVersion': 'CDK’s BucketDeployment helper pins its own runtime; it runs only during deployment.',
  'Serverless-LambdaDLQ':
    'CloudFormation invokes the BucketDeployment helper and fails the deployment if it fails; there is nothing to park.',
  'Serverless-LambdaTracing': 'CDK’s deployment helper: deployment logs are enough.',
  'AwsSolutions-IAM5[Action::s3:GetObject*]': 'CDK’s BucketDeployment grant: read the uploaded site asset.',
  'AwsSolutions-IAM5[Action::s3:GetBucket*]': 'CDK’s BucketDeployment grant: read the asset and site buckets’ settings.',
  'AwsSolutions-IAM5[Action::s3:List*]': 'CDK’s BucketDeployment grant: list what to copy and what to prune.',
  'AwsSolutions-IAM5[Action::s3:DeleteObject*]': 'CDK’s BucketDeployment grant: remove files the new build no longer has.',
  'AwsSolutions-IAM5[Action::s3:Abort*]': 'CDK’s BucketDeployment grant: abort a failed multipart upload.',
  'AwsSolutions-IAM5[Resource::*]': 'CDK’s BucketDeployment grant: CloudFront invalidations cannot be limited to one distribution in IAM.',
  'AwsSolutions-IAM5[Resource::<SiteFiles975A43CF.Arn>/*]':
    'CDK’s BucketDeployment grant: every file of the site bucket, and only that bucket.',
};

export function acknowledgeToolingFindings(stack: Stack): void {
  Validations.of(stack).acknowledge({
    id: BASIC_EXECUTION_ROLE,
    reason: 'AWS’s basic execution policy lets a function write its own logs and nothing else.',
  });
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    for (const [id, reason] of Object.entries(DEPLOYMENT_HELPER)) Validations.of(child).acknowledge({ id, reason });
    // cdk-nag writes an unknown account or region as the pseudo parameter's name.
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    Validations.of(child).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*]`,
      reason: 'CDK’s BucketDeployment grant: read the site asset from the CDK bootstrap bucket.',
    });
  }
}
