/**
 * The CDK app: the firewall stack (us-east-1, where CloudFront's web ACLs live) and the
 * portal stack (the data's region), for the stage named in context. Both rule packs of
 * cdk-nag run on every synth: an unacknowledged error stops it.
 * Parameters: see parseDeployParameters and the README's deployment section.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProfile } from '../../shared/config/load-profile';
import { PARAMETER_NAMES, parseDeployParameters, stackNames, type DeployParameters } from './deploy-parameters';
import { EdgeStack } from './edge-stack';
import { PortalStack } from './portal-stack';
import { SITE_DIST } from '../build-site';
import { acknowledgeToolingFindings } from './nag-acknowledgements';

export const SITE_DIR = SITE_DIST;

/** Builds both stacks into `app`; tests call this with their own parameters and site folder. */
export function buildApp(app: App, parameters: DeployParameters, siteDir = SITE_DIR): { edge: EdgeStack; portal: PortalStack } {
  // The portal refers to the firewall across regions; keep the producer protected (CDK's current behaviour, stated).
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const partnership = defaultProfile();
  const names = stackNames(partnership.id, parameters.stage);
  const edge = new EdgeStack(app, names.edge, {
    partnershipId: partnership.id,
    stage: parameters.stage,
    env: { account, region: 'us-east-1' },
    crossRegionReferences: true,
    description: `Community safety portal firewall: ${partnership.name} (${parameters.stage})`,
  });
  const portal = new PortalStack(app, names.portal, {
    stage: parameters.stage,
    siteDir,
    webAclArn: edge.webAclArn,
    ...(parameters.alarmEmail ? { alarmEmail: parameters.alarmEmail } : {}),
    ...(parameters.domainName ? { domainName: parameters.domainName } : {}),
    ...(parameters.certificateArn ? { certificateArn: parameters.certificateArn } : {}),
    env: { account, region: parameters.region },
    crossRegionReferences: true,
    description: `Community safety portal: ${partnership.name} (${parameters.stage})`,
  });
  acknowledgeToolingFindings(portal);
  acknowledgeToolingFindings(edge);
  return { edge, portal };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = new App();
  const parameters = parseDeployParameters(Object.fromEntries(PARAMETER_NAMES.map((k) => [k, app.node.tryGetContext(k)])));
  if (!existsSync(join(SITE_DIR, 'index.html')))
    throw new Error('The site is not built: run `npm run build:site` (npm run synth and npm run deploy do it for you).');
  buildApp(app, parameters);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
