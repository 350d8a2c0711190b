/**
 * `npm run synth | deploy | destroy`: checks the parameters first (one clear message for
 * every problem), builds what the stacks need, then runs the CDK CLI for the stage.
 *   npm run synth                                  offline; prints each stack's resources
 *   npm run deploy -- -c stage=prod -c alarmEmail=… -c domainName=… -c certificateArn=…
 *   npm run destroy                                dev only
 * Any other arguments are passed to `cdk` unchanged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle';
import { parseDeployParameters, type DeployParameters } from './deploy-parameters';

const CDK = join(ROOT, 'node_modules', '.bin', 'cdk');

/** Splits `-c key=value` / `--context key=value` pairs from the other arguments. */
export function splitContext(args: string[]): { context: Record<string, string>; rest: string[] } {
  const context: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if ((arg === '-c' || arg === '--context') && args[i + 1]?.includes('=')) {
      const [key, ...value] = args[++i]!.split('=');
      context[key!] = value.join('=');
    } else rest.push(arg);
  }
  return { context, rest };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function buildSite(parameters: DeployParameters, always: boolean): void {
  if (!always && existsSync(join(ROOT, 'site', 'dist', 'index.html'))) return;
  console.log(`Building the site${parameters.domainName ? ` for https://${parameters.domainName}` : ''}…`);
  run('npm', ['run', '--silent', 'build:site'], {
    ...process.env,
    ...(parameters.domainName ? { SITE_URL: `https://${parameters.domainName}` } : {}),
  });
}

/** One line per resource type, for reading the stack at a glance. */
function summarise(stackName: string): void {
  const file = join(ROOT, 'cdk.out', `${stackName}.template.json`);
  const template = JSON.parse(readFileSync(file, 'utf8')) as {
    Resources: Record<string, { Type: string }>;
    Outputs?: Record<string, unknown>;
  };
  const counts = new Map<string, number>();
  for (const r of Object.values(template.Resources)) counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
  console.log(`\n${stackName}: ${Object.keys(template.Resources).length} resources (${file.replace(`${ROOT}/`, '')})`);
  for (const [type, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${String(n).padStart(3)}  ${type}`);
  if (template.Outputs)
    console.log(
      `  outputs: ${Object.keys(template.Outputs)
        .filter((o) => !o.startsWith('Export'))
        .join(', ')}`,
    );
}

function main(): void {
  const [command, ...args] = process.argv.slice(2);
  const { context, rest } = splitContext(args);
  if (command === 'destroy' && (context.stage ?? 'dev') !== 'dev') {
    console.error(
      'npm run destroy removes the dev stage only. Production keeps its data: delete it by hand in the console if you really mean to.',
    );
    process.exit(2);
  }
  let parameters: DeployParameters;
  try {
    parameters = parseDeployParameters({ stage: 'dev', ...context });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const contextArgs = Object.entries({ ...context, stage: parameters.stage }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const stacks = [`CspPortalEdge-${parameters.stage}`, `CspPortal-${parameters.stage}`];

  if (command === 'synth') {
    buildSite(parameters, false);
    console.log(`Synthesising the ${parameters.stage} stacks (bundling functions, running cdk-nag)…`);
    run(CDK, ['synth', '--quiet', ...contextArgs, ...rest]);
    for (const s of stacks) summarise(s);
  } else if (command === 'deploy') {
    buildSite(parameters, true);
    console.log(`Deploying ${stacks.join(' and ')}…`);
    const outputs = join('cdk.out', `outputs-${parameters.stage}.json`);
    run(CDK, ['deploy', ...stacks, '--require-approval', 'broadening', '--outputs-file', outputs, ...contextArgs, ...rest]);
    console.log(`\nDeployed. Stack outputs (also in ${outputs}):`);
    console.log(JSON.stringify(JSON.parse(readFileSync(join(ROOT, outputs), 'utf8'))[stacks[1]!], null, 2));
  } else if (command === 'destroy') {
    buildSite(parameters, false);
    run(CDK, ['destroy', ...stacks, ...contextArgs, ...rest]);
  } else {
    console.error('Usage: tsx infra/aws/cdk-command.ts synth|deploy|destroy [-c stage=dev|prod] [-c name=value …]');
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
