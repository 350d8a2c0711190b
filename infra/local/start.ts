/**
 * `npm start`: builds the site and runs the whole portal locally.
 *   npm start                 keep data in .data/ between runs
 *   npm start -- --fresh      wipe local data first
 *   npm start -- --no-build   serve the site as last built
 * Ports: PORT (4321), DYNAMODB_PORT (8000), SES_PORT (8005), COGNITO_PORT (9229).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startLocalStack } from './local-stack';
import { stopStaleChildren } from './child-pids';

const args = new Set(process.argv.slice(2));
const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number between 1 and 65535 (got "${process.env[name]}")`);
    process.exit(1);
  }
  return value;
};
const step = (message: string) => console.log(`• ${message}`);

async function main(): Promise<void> {
  const dataDir = join(ROOT, '.data', 'dynamodb');
  const pidDir = join(ROOT, '.data', 'pids');
  // Before anything else (and before --fresh deletes the pid files): services a killed run left behind.
  for (const line of await stopStaleChildren(pidDir)) step(line);
  if (args.has('--fresh')) {
    rmSync(join(ROOT, '.data'), { recursive: true, force: true });
    step('Wiped local data (.data/)');
  }
  const sitePort = port('PORT', 4321);
  if (!args.has('--no-build')) {
    step('Building the site…');
    // The sitemap and RSS feed name the address the site is served on, whatever PORT is.
    const env = { ...process.env, SITE_URL: process.env.SITE_URL ?? `http://localhost:${sitePort}` };
    execFileSync('npm', ['run', '--silent', 'build:site'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const stack = await startLocalStack({
    port: sitePort,
    dynamoDbPort: port('DYNAMODB_PORT', 8000),
    sesPort: port('SES_PORT', 8005),
    cognitoPort: port('COGNITO_PORT', 9229),
    dataDir,
    cognitoDir: join(ROOT, '.data', 'cognito'),
    pidDir,
    log: step,
    onRequest: process.env.LOG_REQUESTS === 'false' ? undefined : (line) => console.log(`  ${line}`),
  });
  console.log(`
Portal ready.
  Site and API:  ${stack.url}
  Report form:   ${stack.url}/report/
  Mail viewer:   ${stack.mailUrl}
  OpenAPI:       ${stack.url}/api/openapi.json
  Cognito local: ${stack.cognito.endpoint} (user pool ${stack.cognito.userPoolId}, app client ${stack.cognito.clientId})

Demo officer accounts (this machine only):
${stack.cognito.users.map((u) => `  ${u.username.padEnd(34)} ${u.password.padEnd(22)} ${u.description}`).join('\n')}

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
