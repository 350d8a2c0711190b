/**
 * Where residents' files live: a quarantine bucket that browsers upload to (presigned
 * POST) and GuardDuty Malware Protection scans, and an evidence bucket for the clean
 * files. Both are private (every public access blocked), encrypted with the portal's
 * data key, TLS only and access-logged. GuardDuty's result goes through EventBridge to
 * the processing function, tried again and then parked on a queue an alarm watches.
 *
 * Lifecycle: an upload is deleted from quarantine by the processing function once it is
 * kept or refused; a file the scan named a threat is left for the security runbook, and
 * the quarantine rule deletes whatever is left after 30 days. A kept file is deleted when
 * its record leaves the table with its report (the stream router, at the report's own
 * end); the evidence rule is the backstop, a month after the report's retention.
 */
import { Aws, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bucketHost } from '../../functions/adapters/s3/object-links';

export interface EvidenceStorageProps {
  stage: 'dev' | 'prod';
  key: IKey;
  /** The profile's report retention: kept files outlive it by a month at most. */
  reportDays: number;
}

/** Uploads not processed (a threat kept for the runbook, an event parked) are deleted after this. */
const QUARANTINE_DAYS = 30;

export class EvidenceStorage extends Construct {
  readonly quarantine: Bucket;
  readonly evidence: Bucket;
  readonly logs: Bucket;

  constructor(scope: Construct, id: string, props: EvidenceStorageProps) {
    super(scope, id);
    const prod = props.stage === 'prod';
    const removal = prod ? { removalPolicy: RemovalPolicy.RETAIN } : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
    this.logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // Who opened which file, and from where: kept a year for investigations, then deleted.
      lifecycleRules: [{ expiration: Duration.days(365) }],
      ...removal,
    });
    Validations.of(this.logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it to itself would loop.',
    });
    const bucket = (name: string, expirationDays: number) =>
      new Bucket(this, name, {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        encryption: BucketEncryption.KMS,
        encryptionKey: props.key,
        // One data key per bucket per while, not one KMS call per object.
        bucketKeyEnabled: true,
        serverAccessLogsBucket: this.logs,
        serverAccessLogsPrefix: `${name.toLowerCase()}/`,
        lifecycleRules: [{ expiration: Duration.days(expirationDays), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
        ...removal,
      });
    this.quarantine = bucket('Quarantine', QUARANTINE_DAYS);
    this.evidence = bucket('Evidence', props.reportDays + 30);
  }

  /**
   * cdk-nag's finding for a grant on every object under a prefix of one of these buckets:
   * each function's grant is limited to the prefix its code uses (uploads/, reports/).
   */
  objectsFinding(bucket: Bucket, prefix: string): string {
    return `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>/${prefix}*]`;
  }

  /** Browsers on the site post uploads to quarantine (the page's script reads the answer, so CORS). */
  allowUploadsFrom(siteOrigin: string): void {
    this.quarantine.addCorsRule({
      allowedMethods: [HttpMethods.POST],
      allowedOrigins: [siteOrigin],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAge: 3600,
    });
  }

  /** The address presigned uploads post to, and presigned reads come from (virtual-hosted style). */
  static originOf(bucket: Bucket): string {
    return `https://${bucketHost(bucket.bucketName, Aws.REGION)}`;
  }

  /**
   * GuardDuty Malware Protection for the quarantine bucket: each new object is scanned and
   * tagged with the result, and the result is sent to EventBridge, whose rule runs `processor`.
   */
  scanWith(processor: IFunction, failures: IQueue): void {
    const stack = Stack.of(this);
    const role = new Role(this, 'MalwareScanRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection: scan and tag uploads in the quarantine bucket',
    });
    const rules = `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [rules],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
    );
    role.addToPolicy(new PolicyStatement({ actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [rules] }));
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:GetBucketLocation', 's3:ListBucket'],
        resources: [this.quarantine.bucketArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [this.quarantine.arnForObjects('uploads/*')],
      }),
    );
    // GuardDuty checks it can write to the bucket with one fixed object when the plan is made.
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [this.quarantine.arnForObjects('malware-protection-resource-validation-object')],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.quarantine.encryptionKey!.keyArn],
        conditions: { StringLike: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
      }),
    );
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:${region}:${account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]`,
      reason: 'GuardDuty names the EventBridge rules it manages for a protection plan with this prefix; it may manage only those.',
    });
    Validations.of(role).acknowledge({
      id: this.objectsFinding(this.quarantine, 'uploads/'),
      reason: 'GuardDuty scans and tags every upload, which all land under uploads/ in the quarantine bucket, and nothing else.',
    });
    const plan = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.quarantine.bucketName, objectPrefixes: ['uploads/'] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    plan.node.addDependency(role);

    new Rule(this, 'ScanResults', {
      description: 'Malware scan results for the quarantine bucket, to the function that keeps or refuses each file',
      eventPattern: {
        source: ['aws.guardduty'],
        detailType: ['GuardDuty Malware Protection Object Scan Result'],
        detail: { s3ObjectDetails: { bucketName: [this.quarantine.bucketName] } },
      },
      targets: [new LambdaFunction(processor, { deadLetterQueue: failures, retryAttempts: 8, maxEventAge: Duration.hours(6) })],
    });
  }
}
