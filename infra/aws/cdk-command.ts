/**
 * `npm run synth | deploy | destroy`: checks the partnership pack and the parameters first
 * (one clear message for every problem), builds what the stacks need, then runs the CDK
 * CLI for the pack and stage. Each pack has stacks of its own (CspPortal-<pack id>-<stage>),
 * so one account holds several partnerships, each with its own data.
 *   npm run synth                                  offline; prints each stack's resources
 *   npm run deploy -- -c stage=prod -c alarmEmail=… -c domainName=… -c certificateArn=…
 *   npm run deploy -- --partnership <folder> …     another pack (or set CSP_PARTNERSHIP)
 *   npm run destroy                                dev only
 * Any other arguments are passed to `cdk` unchanged.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle';
import { parseDeployParameters, stackNames, type DeployParameters } from './deploy-parameters';
import { buildSiteFor, siteBuiltFor } from '../build-site';
import { choosePartnership } from '../choose-partnership';

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

function buildSite(packDir: string, parameters: DeployParameters, always: boolean): void {
  if (!always && siteBuiltFor() === packDir) return;
  console.log(`Building the site${parameters.domainName ? ` for https://${parameters.domainName}` : ''}…`);
  buildSiteFor(packDir, parameters.domainName ? `https://${parameters.domainName}` : undefined);
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
  const [command, ...given] = process.argv.slice(2);
  const { packDir, profile, rest: args } = choosePartnership(given);
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
  const names = stackNames(profile.id, parameters.stage);
  const stacks = [names.edge, names.portal];
  console.log(`Partnership: ${profile.name} (stacks ${stacks.join(' and ')})`);

  if (command === 'synth') {
    buildSite(packDir, parameters, false);
    console.log(`Synthesising the ${parameters.stage} stacks (bundling functions, running cdk-nag)…`);
    run(CDK, ['synth', '--quiet', ...contextArgs, ...rest]);
    for (const s of stacks) summarise(s);
  } else if (command === 'deploy') {
    buildSite(packDir, parameters, true);
    console.log(`Deploying ${stacks.join(' and ')}…`);
    const outputs = join('cdk.out', `outputs-${profile.id}-${parameters.stage}.json`);
    run(CDK, ['deploy', ...stacks, '--require-approval', 'broadening', '--outputs-file', outputs, ...contextArgs, ...rest]);
    console.log(`\nDeployed. Stack outputs (also in ${outputs}):`);
    console.log(JSON.stringify(JSON.parse(readFileSync(join(ROOT, outputs), 'utf8'))[stacks[1]!], null, 2));
  } else if (command === 'destroy') {
    buildSite(packDir, parameters, false);
    run(CDK, ['destroy', ...stacks, ...contextArgs, ...rest]);
  } else {
    console.error('Usage: tsx infra/aws/cdk-command.ts synth|deploy|destroy [-c stage=dev|prod] [-c name=value …]');
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
