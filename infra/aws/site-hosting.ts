/**
 * The site and the API behind one CloudFront distribution (same origin: no CORS). Site
 * files come from a private bucket through origin access control; `/api/*` goes to the
 * HTTP API with nothing cached and only the headers the handlers read. Every response
 * carries the security headers the local server also sends (infra/site-security-headers.ts).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccessLevel,
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { VOTER_COOKIE } from '../../functions/polls/voter-cookie';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS } from '../site-security-headers';

/** Headers the API handlers read; nothing else reaches them (Authorization rides in the cache key, see below). */
const API_FORWARDED_HEADERS = ['accept', 'content-type', 'idempotency-key', 'user-agent', 'cloudfront-viewer-address'];

/** Access logs hold viewers' addresses: kept for three months, then deleted. */
const ACCESS_LOG_DAYS = 90;

export interface SiteHostingProps {
  stage: 'dev' | 'prod';
  api: HttpApi;
  /** The built site (site/dist). */
  siteDir: string;
  webAclArn: string;
  /** Cognito's endpoint, which the workspace's sign-in calls from the browser. */
  signInOrigin: string;
  /** Where officers' browsers load residents' photos from (the evidence bucket, by signed address). */
  evidenceOrigin: string;
  domainName?: string;
  certificateArn?: string;
}

export class SiteHosting extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: SiteHostingProps) {
    super(scope, id);
    const prod = props.stage === 'prod';
    const region = Stack.of(this).region;
    // Dev stacks are meant to be torn down; prod keeps its logs (and CloudFormation refuses to delete non-empty buckets).
    const removal = prod ? { removalPolicy: RemovalPolicy.RETAIN } : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront's standard logs are written with an ACL, so this bucket must accept them.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
      ...removal,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it to itself would loop.',
    });

    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
      ...removal,
    });

    const siteHeaders = new ResponseHeadersPolicy(this, 'SiteHeaders', {
      comment: 'Portal site: HSTS, CSP without inline script, no framing, nosniff, referrer policy',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.signInOrigin, props.evidenceOrigin), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });
    // API responses bring their own (middy http-security-headers); these fill any gap and never replace them.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'Portal API: the same protections, without replacing what a handler sets',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(), override: false },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: false },
      },
    });

    // CloudFront forwards Authorization only when it is part of the cache key, and a key
    // needs a maximum TTL above zero. Nothing is stored all the same: the default TTL is 0
    // and every API response says `Cache-Control: no-store`.
    const apiCache = new CachePolicy(this, 'ApiNoCache', {
      comment: 'Portal API: not cached; the officer token and voter cookie reach the API',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('authorization'),
      cookieBehavior: CacheCookieBehavior.allowList(VOTER_COOKIE),
      queryStringBehavior: CacheQueryStringBehavior.all(),
    });
    // Pages a function renders (the poll pages): kept as long as their Cache-Control says,
    // never more than a minute, with nothing personal in the key or the request.
    const pageCache = new CachePolicy(this, 'FunctionPages', {
      comment: 'Pages rendered from the polls table: kept briefly, the same for everyone',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(60),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const apiRequest = new OriginRequestPolicy(this, 'ApiRequest', {
      comment: 'Portal API: only the headers the handlers read',
      headerBehavior: OriginRequestHeaderBehavior.allowList(...API_FORWARDED_HEADERS),
      cookieBehavior: OriginRequestCookieBehavior.allowList(VOTER_COOKIE),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
    });

    const siteRequest = new EdgeFunction(this, 'SiteRequest', {
      comment: 'Folder URLs to index.html; missing trailing slashes redirected',
      code: FunctionCode.fromFile({ filePath: join(import.meta.dirname, 'site-request.js') }),
      runtime: FunctionRuntime.JS_2_0,
    });

    const pageRequest = new EdgeFunction(this, 'PageRequest', {
      comment: 'Function-rendered pages: trailing slash dropped for the API routes',
      code: FunctionCode.fromFile({ filePath: join(import.meta.dirname, 'page-request.js') }),
      runtime: FunctionRuntime.JS_2_0,
    });

    const apiDomain = `${props.api.apiId}.execute-api.${region}.amazonaws.com`;
    this.distribution = new Distribution(this, 'Cdn', {
      comment: `Community safety portal (${props.stage})`,
      defaultRootObject: 'index.html',
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Residents are in the UK: Europe and North America edges are enough and cost least.
      priceClass: PriceClass.PRICE_CLASS_100,
      // With its own certificate TLS 1.2 is the floor; the cloudfront.net default (dev) has a fixed policy.
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessLevels: [AccessLevel.READ, AccessLevel.LIST] }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: siteHeaders,
        functionAssociations: [{ function: siteRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        // /polls/, /polls/{id}/ and /polls/{id}/vote/: see functions/poll-pages/handler.ts.
        '/polls*': {
          origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: pageCache,
          responseHeadersPolicy: siteHeaders,
          functionAssociations: [{ function: pageRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
          compress: true,
        },
        '/api/*': {
          origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCache,
          originRequestPolicy: apiRequest,
          responseHeadersPolicy: apiHeaders,
          compress: true,
        },
      },
    });
    if (!props.domainName) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without its own domain (dev) the distribution uses the cloudfront.net certificate, which allows older TLS; prod requires a domain and certificate and sets TLS 1.2 (2021).',
      });
    }
    // LIST lets S3 answer 404 (not 403) for a missing page. The bucket is never listed:
    // the root and every folder URL are rewritten to an index.html key by SiteRequest.
    Validations.of(this.distribution).acknowledge({
      id: 'Annotation::@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      reason: 'A default root object is set and every folder URL is rewritten to index.html, so no request reaches a bucket listing.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geographic restriction: UK residents abroad, and partner staff, must still be able to report and read.',
    });

    new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 1024,
    });
  }
}
