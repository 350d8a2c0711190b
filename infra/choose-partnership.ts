/**
 * The partnership a command runs for: `--partnership <folder>` (relative to where the
 * command was typed), else CSP_PARTNERSHIP, else the sample pack package.json names.
 * The pack is checked before anything starts or builds; on a problem the command stops
 * with every problem listed. The choice is passed on in CSP_PARTNERSHIP, so the site
 * build, the function bundles and the local stack all read the same pack.
 */
import { resolve } from 'node:path';
import { checkPack, describeProblems } from '../shared/config/check-pack';
import { chosenPackDir } from '../shared/config/partnership-pack';
import type { Profile } from '../shared/config/profile-schema';

export interface ChosenPartnership {
  packDir: string;
  profile: Profile;
  placeholders: string[];
  /** The command's other arguments. */
  rest: string[];
}

/** Splits `--partnership <folder>` or `--partnership=<folder>` from the other arguments. */
export function partnershipArgument(args: string[]): { folder?: string; rest: string[] } {
  const rest: string[] = [];
  let folder: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--partnership') {
      folder = args[++i];
      if (!folder || folder.startsWith('--')) throw new Error('--partnership needs a folder: --partnership partnerships/<name>');
    } else if (arg.startsWith('--partnership=')) folder = arg.slice('--partnership='.length);
    else rest.push(arg);
  }
  return { ...(folder ? { folder } : {}), rest };
}

/** Picks and checks the pack, or prints why it cannot and exits with status 2. */
export function choosePartnership(args: string[], env: NodeJS.ProcessEnv = process.env): ChosenPartnership {
  let chosen: { folder?: string; rest: string[] };
  try {
    chosen = partnershipArgument(args);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  // npm runs scripts from the project folder; INIT_CWD is where the person typed the command.
  const packDir = chosen.folder ? resolve(env.INIT_CWD ?? process.cwd(), chosen.folder) : chosenPackDir(env);
  const report = checkPack(packDir);
  if (report.problems.length || !report.profile) {
    console.error(describeProblems(packDir, report));
    process.exit(2);
  }
  env.CSP_PARTNERSHIP = packDir;
  return { packDir, profile: report.profile, placeholders: report.placeholders, rest: chosen.rest };
}
