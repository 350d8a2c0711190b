/**
 * `npm start`: checks the partnership pack, builds its site and runs the whole portal locally.
 *   npm start                                  the sample pack package.json names
 *   npm start -- --partnership <folder>        another pack (or set CSP_PARTNERSHIP)
 *   npm start -- --fresh                       wipe this pack's local data first
 *   npm start -- --no-build                    serve the site as last built
 * Each pack keeps its data in .data/<pack id>/ between runs.
 * Ports: PORT (4321), DYNAMODB_PORT (8000), SES_PORT (8005), COGNITO_PORT (9229), S3_PORT (4569), CLAMAV_PORT (3310).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startLocalStack } from './local-stack';
import { stopStaleChildren } from './child-pids';
import { buildSiteFor, siteBuiltFor } from '../build-site';
import { choosePartnership } from '../choose-partnership';
import { shown } from '../../shared/config/partnership-pack';

// Before anything else: a pack with a problem stops here, with every problem listed.
const { packDir, profile, placeholders, rest } = choosePartnership(process.argv.slice(2));
const args = new Set(rest);
const unknown = rest.filter((arg) => arg !== '--fresh' && arg !== '--no-build');
if (unknown.length) {
  console.error(`npm start does not know ${unknown.join(' ')}. It takes --partnership <folder>, --fresh and --no-build.`);
  process.exit(2);
}
const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number between 1 and 65535 (got "${process.env[name]}")`);
    process.exit(1);
  }
  return value;
};
const step = (message: string) => console.log(`• ${message}`);

/** The demo accounts in columns as wide as their longest entry (partner ids vary in length). */
function accountTable(users: { username: string; password: string; description: string }[]): string {
  const name = Math.max(...users.map((u) => u.username.length));
  const password = Math.max(...users.map((u) => u.password.length));
  return users.map((u) => `  ${u.username.padEnd(name)}  ${u.password.padEnd(password)}  ${u.description}`).join('\n');
}

async function main(): Promise<void> {
  step(`Partnership: ${profile.name} (${shown(packDir)})`);
  if (placeholders.length) step(`Still placeholder text, to write before going live: ${placeholders.join(', ')}`);
  const packData = join(ROOT, '.data', profile.id);
  const pidDir = join(ROOT, '.data', 'pids');
  // Services a killed run left behind, whichever pack it ran.
  for (const line of await stopStaleChildren(pidDir)) step(line);
  if (args.has('--fresh')) {
    rmSync(packData, { recursive: true, force: true });
    step(`Wiped this partnership's local data (${shown(packData)}/)`);
  }
  const sitePort = port('PORT', 4321);
  if (!args.has('--no-build')) {
    step('Building the site…');
    // The sitemap and RSS feed name the address the site is served on, whatever PORT is.
    buildSiteFor(packDir, process.env.SITE_URL ?? `http://localhost:${sitePort}`);
  } else if (siteBuiltFor() !== packDir) {
    step(`The site in site/dist was not built for this partnership: run without --no-build to build it.`);
  }
  const stack = await startLocalStack({
    port: sitePort,
    dynamoDbPort: port('DYNAMODB_PORT', 8000),
    sesPort: port('SES_PORT', 8005),
    cognitoPort: port('COGNITO_PORT', 9229),
    s3Port: port('S3_PORT', 4569),
    clamAvPort: port('CLAMAV_PORT', 3310),
    dataDir: join(packData, 'dynamodb'),
    cognitoDir: join(packData, 'cognito'),
    pidDir,
    log: step,
    onRequest: process.env.LOG_REQUESTS === 'false' ? undefined : (line) => console.log(`  ${line}`),
  });
  console.log(`
Portal ready.
  Site and API:  ${stack.url}
  Report form:   ${stack.url}/report/
  Mail viewer:   ${stack.mailUrl}
  Local S3:      ${stack.s3.endpoint} (buckets ${stack.s3.quarantine}, ${stack.s3.evidence})
  OpenAPI:       ${stack.url}/api/openapi.json
  Cognito local: ${stack.cognito.endpoint} (user pool ${stack.cognito.userPoolId}, app client ${stack.cognito.clientId})

Demo officer accounts (this machine only):
${accountTable(stack.cognito.users)}

Press Ctrl-C to stop.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  console.error(`\nCould not start the portal: ${error.message}`);
  process.exit(1);
});
