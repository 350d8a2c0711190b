/**
 * CDK app. `npm run synth` works offline. Stage from context: `-c stage=prod`.
 */
import { App } from 'aws-cdk-lib';
import { PortalStack } from './portal-stack';

const app = new App();
const stage = app.node.tryGetContext('stage') ?? 'dev';
if (stage !== 'dev' && stage !== 'prod') throw new Error(`Unknown stage "${stage}": use -c stage=dev or -c stage=prod`);
const siteUrl = app.node.tryGetContext('siteUrl') ?? 'https://example.invalid';

new PortalStack(app, `CspPortal-${stage}`, {
  stage,
  siteUrl,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-2' },
});
